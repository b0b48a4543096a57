// What a program's redis client reaches: the redis-server a host name resolves to from the client's container, and
// that server's dataset, through the engine (the same keys redis-cli sees).
import { allContainers, containerById, resolveName, type Engine } from '../../engine/index';

export type RedisAnswer = { ok: string | number | null } | { error: string };

/** One redis command from container `from` to host:port. */
export function redisCall(engine: Engine, from: string | null, host: string, port: number, argv: string[]): RedisAnswer {
  const s = engine.state;
  const client = from ? containerById(s, from) ?? null : null;
  const r = resolveName(s, client, host);
  if (!r.ip) return { error: `Error -2 connecting to ${host}:${port}. Name or service not known.` };
  const server = allContainers(s).find((c) => c.state.status === 'running' && c.process?.program === 'redis-server' && (r.ip === '127.0.0.1' ? c.id === from : Object.values(c.endpoints).some((e) => e.ip === r.ip)));
  if (!server || port !== 6379) return { error: `Error 111 connecting to ${host}:${port}. Connection refused.` };
  // the server's own dataset (the one redis-cli sees; kept, saved and replayed by the engine)
  const reply = engine.container.redis(server.id, argv);
  switch (reply.k) {
    case 'error': return { error: reply.v.replace(/^ERR /, '') };
    case 'status': return { ok: reply.v };
    case 'int': return { ok: reply.v };
    case 'bulk': return { ok: reply.v };
    default: return { ok: JSON.stringify(reply.v) };
  }
}
