// What a program's redis client reaches: the redis-server a host name resolves to from the client's container, and
// that server's keys. The keys live beside the engine, per redis container (a replayed session rebuilds them).
import { resolveName, type Engine } from '../../engine/index';

const stores = new WeakMap<Engine, Map<string, Map<string, string>>>();

export type RedisAnswer = { ok: string | number | null } | { error: string };

/** One redis command from container `from` to host:port (INCR, INCRBY, DECR, GET, SET, DEL, EXISTS, PING). */
export function redisCall(engine: Engine, from: string | null, host: string, port: number, argv: string[]): RedisAnswer {
  const s = engine.state;
  const client = from ? s.containers[from] ?? null : null;
  const r = resolveName(s, client, host);
  if (!r.ip) return { error: `Error -2 connecting to ${host}:${port}. Name or service not known.` };
  const server = Object.values(s.containers).find((c) => c.state.status === 'running' && c.process?.program === 'redis-server' && (r.ip === '127.0.0.1' ? c.id === from : Object.values(c.endpoints).some((e) => e.ip === r.ip)));
  if (!server || port !== 6379) return { error: `Error 111 connecting to ${host}:${port}. Connection refused.` };
  let all = stores.get(engine);
  if (!all) stores.set(engine, (all = new Map()));
  let db = all.get(server.id);
  if (!db) all.set(server.id, (db = new Map()));
  const [cmd, key = '', val = ''] = argv;
  const num = (k: string) => parseInt(db.get(k) ?? '0', 10);
  switch (cmd.toUpperCase()) {
    case 'PING': return { ok: 'PONG' };
    case 'GET': return { ok: db.get(key) ?? null };
    case 'SET': db.set(key, val); return { ok: 'OK' };
    case 'DEL': return { ok: db.delete(key) ? 1 : 0 };
    case 'EXISTS': return { ok: db.has(key) ? 1 : 0 };
    case 'INCR': case 'INCRBY': case 'DECR': case 'DECRBY': {
      if (db.has(key) && !/^-?\d+$/.test(db.get(key)!)) return { error: 'value is not an integer or out of range' };
      const by = cmd.toUpperCase().startsWith('INCR') ? (cmd.toUpperCase() === 'INCRBY' ? parseInt(val, 10) : 1) : -(cmd.toUpperCase() === 'DECRBY' ? parseInt(val, 10) : 1);
      const n = num(key) + by;
      db.set(key, String(n));
      return { ok: n };
    }
  }
  return { error: `unknown command '${cmd}'` };
}
