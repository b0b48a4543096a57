// The redis-server a container runs: its dataset (kept with the process), the commands redis-cli sends, RDB/AOF files in /data.
import type { Container, EngineState } from '../state';
import { readServerFile, writeServerFile, makeServerDir } from '../server-files';
import { containerById } from '../container-table';

export type RedisValue = { t: 'string'; v: string } | { t: 'list'; v: string[] } | { t: 'hash'; v: Record<string, string> } | { t: 'set'; v: string[] };
export type RedisDb = Record<string, RedisValue>;
/** A RESP reply: status (+OK), error (-ERR), integer, bulk string (null = nil) or array. */
export type RedisReply = { k: 'status'; v: string } | { k: 'error'; v: string } | { k: 'int'; v: number } | { k: 'bulk'; v: string | null } | { k: 'array'; v: RedisReply[] };

const DIR = '/data';
const AOF_DIR = `${DIR}/appendonlydir`;
const AOF_BASE = 'appendonly.aof.1.base.rdb';
const AOF_INCR = 'appendonly.aof.1.incr.aof';
/** The RDB file's magic and version as redis 7.4 writes it; the dataset after it is a readable stand-in for the binary encoding. */
const RDB_MAGIC = 'REDIS0012';

/** redis-server's options from its command line (`--appendonly yes`, `--save ""`, `--requirepass x`). */
export function redisOptions(args: string[]): { appendonly: boolean; save: boolean; requirepass: string } {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? '') : null;
  };
  return { appendonly: opt('appendonly') === 'yes', save: opt('save') !== '', requirepass: opt('requirepass') ?? '' };
}

/** One command in RESP, as the AOF stores it. */
export const resp = (argv: string[]): string => `*${argv.length}\r\n${argv.map((a) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`).join('')}`;

/** The commands an AOF file holds (RESP arrays of bulk strings). */
function parseResp(text: string): string[][] {
  const out: string[][] = [];
  const lines = text.split('\r\n');
  for (let i = 0; i < lines.length; ) {
    const m = /^\*(\d+)$/.exec(lines[i++] ?? '');
    if (!m) continue;
    const argv: string[] = [];
    for (let j = 0; j < Number(m[1]); j++) {
      i++; // $len
      argv.push(lines[i++] ?? '');
    }
    out.push(argv);
  }
  return out;
}

export const rdbContent = (db: RedisDb): string => `${RDB_MAGIC}\n${JSON.stringify(db)}\n`;

function rdbDataset(text: string | null): RedisDb | null {
  if (!text?.startsWith(RDB_MAGIC)) return null;
  try {
    return JSON.parse(text.slice(text.indexOf('\n') + 1)) as RedisDb;
  } catch {
    return null;
  }
}

/** What redis-server loads at start: the AOF when appendonly is on, else dump.rdb; and what it says about it. */
export function loadDataset(args: string[], read: (path: string) => string | null): { db: RedisDb; source: 'aof' | 'rdb' | 'new-aof' | 'none'; keys: number } {
  const o = redisOptions(args);
  if (o.appendonly) {
    if (read(`${AOF_DIR}/appendonly.aof.manifest`) === null) return { db: {}, source: 'new-aof', keys: 0 };
    const db = rdbDataset(read(`${AOF_DIR}/${AOF_BASE}`)) ?? {};
    for (const argv of parseResp(read(`${AOF_DIR}/${AOF_INCR}`) ?? '')) runCommand(db, argv);
    return { db, source: 'aof', keys: Object.keys(db).length };
  }
  const db = rdbDataset(read(`${DIR}/dump.rdb`));
  return db ? { db, source: 'rdb', keys: Object.keys(db).length } : { db: {}, source: 'none', keys: 0 };
}

/** The files a new AOF starts with (redis 7 multi-part AOF). */
export function newAofFiles(): { path: string; content: string; dir?: boolean }[] {
  return [
    { path: AOF_DIR, content: '', dir: true },
    { path: `${AOF_DIR}/${AOF_BASE}`, content: rdbContent({}) },
    { path: `${AOF_DIR}/${AOF_INCR}`, content: '' },
    { path: `${AOF_DIR}/appendonly.aof.manifest`, content: `file ${AOF_BASE} seq 1 type b\nfile ${AOF_INCR} seq 1 type i\n` },
  ];
}

const ok: RedisReply = { k: 'status', v: 'OK' };
const int = (v: number): RedisReply => ({ k: 'int', v });
const bulk = (v: string | null): RedisReply => ({ k: 'bulk', v });
const arr = (v: (string | null)[]): RedisReply => ({ k: 'array', v: v.map(bulk) });
const err = (v: string): RedisReply => ({ k: 'error', v });
const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
const notInt = err('ERR value is not an integer or out of range');

/** Redis glob patterns (KEYS): *, ?, [abc], \x. */
function globRe(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      const end = p.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${p.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < p.length) re += '\\' + p[++i];
    else re += ch.replace(/[.+^${}()|\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/** Arity per command (negative = at least), as redis' command table has it. */
const ARITY: Record<string, number> = {
  ping: -1, echo: 2, set: -3, get: 2, getset: 3, setnx: 3, mset: -3, mget: -2, incr: 2, decr: 2, incrby: 3, decrby: 3, append: 3, strlen: 2,
  del: -2, exists: -2, keys: 2, type: 2, rename: 3, dbsize: 1, flushall: -1, flushdb: -1, expire: 3, ttl: 2, persist: 2,
  lpush: -3, rpush: -3, lpop: -2, rpop: -2, lrange: 4, llen: 2, hset: -4, hget: 3, hgetall: 2, hdel: -3, hkeys: 2, hvals: 2, hlen: 2,
  sadd: -3, srem: -3, smembers: 2, sismember: 3, scard: 2, save: 1, bgsave: -1, select: 2, info: -1, config: -2, command: -1, quit: -1,
};
/** Commands that change the dataset (they go to the AOF). */
const WRITES = new Set(['set', 'getset', 'setnx', 'mset', 'incr', 'decr', 'incrby', 'decrby', 'append', 'del', 'rename', 'flushall', 'flushdb', 'expire', 'persist', 'lpush', 'rpush', 'lpop', 'rpop', 'hset', 'hdel', 'sadd', 'srem']);

const isInt = (v: string) => /^-?\d+$/.test(v) && Math.abs(Number(v)) <= Number.MAX_SAFE_INTEGER;

/** Run one command on a dataset (mutating it); `write` says whether the dataset changed. */
export function runCommand(db: RedisDb, argv: string[], info?: () => string): { reply: RedisReply; write: boolean } {
  const name = (argv[0] ?? '').toLowerCase();
  const a = argv.slice(1);
  const arity = ARITY[name];
  if (arity === undefined) {
    const shown = a.slice(0, 20).map((x) => `'${x}'`).join(' ');
    return { reply: err(`ERR unknown command '${argv[0]}', with args beginning with: ${shown}${shown ? ' ' : ''}`), write: false };
  }
  if (arity > 0 ? argv.length !== arity : argv.length < -arity) return { reply: err(`ERR wrong number of arguments for '${name}' command`), write: false };
  const str = (k: string): string | null | RedisReply => {
    const v = db[k];
    return !v ? null : v.t === 'string' ? v.v : WRONGTYPE;
  };
  const typed = <T extends RedisValue['t']>(k: string, t: T): Extract<RedisValue, { t: T }> | null | RedisReply => {
    const v = db[k];
    return !v ? null : v.t === t ? (v as Extract<RedisValue, { t: T }>) : WRONGTYPE;
  };
  const isReply = (x: unknown): x is RedisReply => typeof x === 'object' && x !== null && 'k' in x;
  const changed = (reply: RedisReply) => ({ reply, write: WRITES.has(name) });
  const incrBy = (k: string, by: number) => {
    const cur = str(k);
    if (isReply(cur)) return { reply: cur, write: false };
    if (cur !== null && !isInt(cur)) return { reply: notInt, write: false };
    const next = Number(cur ?? '0') + by;
    db[k] = { t: 'string', v: String(next) };
    return changed(int(next));
  };
  switch (name) {
    case 'ping': return { reply: a[0] !== undefined ? bulk(a[0]) : { k: 'status', v: 'PONG' }, write: false };
    case 'echo': return { reply: bulk(a[0]), write: false };
    case 'quit': return { reply: ok, write: false };
    case 'select': return { reply: a[0] === '0' ? ok : isInt(a[0]) && Number(a[0]) >= 0 && Number(a[0]) < 16 ? err('ERR this simulator keeps only database 0') : err('ERR DB index is out of range'), write: false };
    case 'set': {
      const opts = a.slice(2).map((x) => x.toUpperCase());
      if (opts.some((o, i) => !['NX', 'XX', 'EX', 'PX', 'KEEPTTL', 'GET'].includes(o) && !['EX', 'PX'].includes(opts[i - 1] ?? ''))) return { reply: err('ERR syntax error'), write: false };
      if ((opts.includes('NX') && db[a[0]]) || (opts.includes('XX') && !db[a[0]])) return { reply: bulk(null), write: false };
      db[a[0]] = { t: 'string', v: a[1] };
      return changed(ok);
    }
    case 'setnx':
      if (db[a[0]]) return { reply: int(0), write: false };
      db[a[0]] = { t: 'string', v: a[1] };
      return changed(int(1));
    case 'get': case 'getset': {
      const cur = str(a[0]);
      if (isReply(cur)) return { reply: cur, write: false };
      if (name === 'getset') {
        db[a[0]] = { t: 'string', v: a[1] };
        return changed(bulk(cur));
      }
      return { reply: bulk(cur), write: false };
    }
    case 'mset':
      if (a.length % 2) return { reply: err("ERR wrong number of arguments for 'mset' command"), write: false };
      for (let i = 0; i < a.length; i += 2) db[a[i]] = { t: 'string', v: a[i + 1] };
      return changed(ok);
    case 'mget': return { reply: arr(a.map((k) => (db[k]?.t === 'string' ? (db[k] as { v: string }).v : null))), write: false };
    case 'incr': return incrBy(a[0], 1);
    case 'decr': return incrBy(a[0], -1);
    case 'incrby': case 'decrby':
      if (!isInt(a[1])) return { reply: notInt, write: false };
      return incrBy(a[0], name === 'incrby' ? Number(a[1]) : -Number(a[1]));
    case 'append': {
      const cur = str(a[0]);
      if (isReply(cur)) return { reply: cur, write: false };
      db[a[0]] = { t: 'string', v: (cur ?? '') + a[1] };
      return changed(int(((cur ?? '') + a[1]).length));
    }
    case 'strlen': {
      const cur = str(a[0]);
      return { reply: isReply(cur) ? cur : int((cur ?? '').length), write: false };
    }
    case 'del': {
      let n = 0;
      for (const k of a) if (db[k]) (delete db[k], n++);
      return { reply: int(n), write: n > 0 };
    }
    case 'exists': return { reply: int(a.filter((k) => db[k]).length), write: false };
    case 'keys': {
      const re = globRe(a[0]);
      return { reply: arr(Object.keys(db).filter((k) => re.test(k))), write: false };
    }
    case 'type': return { reply: { k: 'status', v: db[a[0]]?.t ?? 'none' }, write: false };
    case 'rename':
      if (!db[a[0]]) return { reply: err('ERR no such key'), write: false };
      db[a[1]] = db[a[0]];
      delete db[a[0]];
      return changed(ok);
    case 'dbsize': return { reply: int(Object.keys(db).length), write: false };
    case 'flushall': case 'flushdb':
      for (const k of Object.keys(db)) delete db[k];
      return changed(ok);
    case 'expire': return { reply: err('ERR key expiry is not simulated here (keys live until deleted)'), write: false };
    case 'ttl': return { reply: int(db[a[0]] ? -1 : -2), write: false };
    case 'persist': return { reply: int(0), write: false };
    case 'lpush': case 'rpush': {
      const l = typed(a[0], 'list');
      if (isReply(l)) return { reply: l, write: false };
      const list = l?.v ?? [];
      const items = a.slice(1);
      const next = name === 'lpush' ? [...items.reverse(), ...list] : [...list, ...items];
      db[a[0]] = { t: 'list', v: next };
      return changed(int(next.length));
    }
    case 'lpop': case 'rpop': {
      const l = typed(a[0], 'list');
      if (isReply(l)) return { reply: l, write: false };
      if (!l) return { reply: bulk(null), write: false };
      const v = name === 'lpop' ? l.v.shift()! : l.v.pop()!;
      if (!l.v.length) delete db[a[0]];
      return changed(bulk(v));
    }
    case 'lrange': {
      const l = typed(a[0], 'list');
      if (isReply(l)) return { reply: l, write: false };
      if (!isInt(a[1]) || !isInt(a[2])) return { reply: notInt, write: false };
      const list = l?.v ?? [];
      const n = list.length;
      const from = Math.max(0, Number(a[1]) < 0 ? n + Number(a[1]) : Number(a[1]));
      const to = Math.min(n - 1, Number(a[2]) < 0 ? n + Number(a[2]) : Number(a[2]));
      return { reply: arr(from > to ? [] : list.slice(from, to + 1)), write: false };
    }
    case 'llen': {
      const l = typed(a[0], 'list');
      return { reply: isReply(l) ? l : int(l?.v.length ?? 0), write: false };
    }
    case 'hset': {
      if ((a.length - 1) % 2) return { reply: err("ERR wrong number of arguments for 'hset' command"), write: false };
      const h = typed(a[0], 'hash');
      if (isReply(h)) return { reply: h, write: false };
      const v = { ...(h?.v ?? {}) };
      let added = 0;
      for (let i = 1; i < a.length; i += 2) {
        if (!(a[i] in v)) added++;
        v[a[i]] = a[i + 1];
      }
      db[a[0]] = { t: 'hash', v };
      return changed(int(added));
    }
    case 'hget': {
      const h = typed(a[0], 'hash');
      return { reply: isReply(h) ? h : bulk(h && Object.hasOwn(h.v, a[1]) ? h.v[a[1]] : null), write: false };
    }
    case 'hgetall': case 'hkeys': case 'hvals': case 'hlen': {
      const h = typed(a[0], 'hash');
      if (isReply(h)) return { reply: h, write: false };
      const e = Object.entries(h?.v ?? {});
      if (name === 'hlen') return { reply: int(e.length), write: false };
      return { reply: arr(name === 'hkeys' ? e.map(([k]) => k) : name === 'hvals' ? e.map(([, v]) => v) : e.flat()), write: false };
    }
    case 'hdel': {
      const h = typed(a[0], 'hash');
      if (isReply(h)) return { reply: h, write: false };
      if (!h) return { reply: int(0), write: false };
      let n = 0;
      for (const f of a.slice(1)) if (Object.hasOwn(h.v, f)) (delete h.v[f], n++);
      if (!Object.keys(h.v).length) delete db[a[0]];
      return { reply: int(n), write: n > 0 };
    }
    case 'sadd': case 'srem': {
      const st = typed(a[0], 'set');
      if (isReply(st)) return { reply: st, write: false };
      const cur = new Set(st?.v ?? []);
      let n = 0;
      for (const m of a.slice(1)) {
        if (name === 'sadd' ? !cur.has(m) : cur.has(m)) n++;
        if (name === 'sadd') cur.add(m);
        else cur.delete(m);
      }
      if (cur.size) db[a[0]] = { t: 'set', v: [...cur] };
      else delete db[a[0]];
      return { reply: int(n), write: n > 0 };
    }
    case 'smembers': {
      const st = typed(a[0], 'set');
      return { reply: isReply(st) ? st : arr(st?.v ?? []), write: false };
    }
    case 'sismember': {
      const st = typed(a[0], 'set');
      return { reply: isReply(st) ? st : int(st?.v.includes(a[1]) ? 1 : 0), write: false };
    }
    case 'scard': {
      const st = typed(a[0], 'set');
      return { reply: isReply(st) ? st : int(st?.v.length ?? 0), write: false };
    }
    case 'info': return { reply: bulk(info?.() ?? ''), write: false };
    case 'command': return { reply: arr([]), write: false };
    case 'config': {
      if (a[0]?.toLowerCase() !== 'get') return { reply: err(`ERR unknown subcommand '${a[0]}'. Try CONFIG HELP.`), write: false };
      return { reply: arr([]), write: false }; // answered by the server, which knows its options (redisRequest)
    }
    default: return { reply: ok, write: false }; // save, bgsave: handled by the server (redisRequest)
  }
}

/** A redis-cli request to the server in container `id`: the reply; writes reach the AOF, SAVE writes dump.rdb. */
export function redisRequest(s: EngineState, id: string, argv: string[]): RedisReply {
  const c = containerById(s, id);
  if (!c?.process) return err('ERR server is not running');
  const proc = c.process;
  const db: RedisDb = proc.kind === 'program' && proc.data ? (JSON.parse(proc.data) as RedisDb) : {};
  const o = redisOptions(c.args);
  const name = (argv[0] ?? '').toLowerCase();
  if (name === 'config' && argv[1]?.toLowerCase() === 'get') {
    const vals: Record<string, string> = { appendonly: o.appendonly ? 'yes' : 'no', dir: DIR, save: o.save ? '3600 1 300 100 60 10000' : '', port: '6379' };
    const re = globRe(argv[2] ?? '');
    return arr(Object.entries(vals).filter(([k]) => re.test(k)).flat());
  }
  if ((name === 'save' || name === 'bgsave') && argv.length >= 1) {
    writeServerFile(s, c, `${DIR}/dump.rdb`, rdbContent(db));
    return name === 'save' ? ok : { k: 'status', v: 'Background saving started' };
  }
  const info = () => `# Server\r\nredis_version:7.4.1\r\nredis_mode:standalone\r\nos:Linux 6.8.0-49-generic x86_64\r\ntcp_port:6379\r\n\r\n# Persistence\r\naof_enabled:${o.appendonly ? 1 : 0}\r\n\r\n# Keyspace\r\n${Object.keys(db).length ? `db0:keys=${Object.keys(db).length},expires=0,avg_ttl=0,subexpiry=0\r\n` : ''}`;
  const { reply, write } = runCommand(db, argv, info);
  if (write) {
    if (proc.kind === 'program') proc.data = JSON.stringify(db);
    if (o.appendonly) appendAof(s, c, argv);
  }
  return reply;
}

function appendAof(s: EngineState, c: Container, argv: string[]) {
  const path = `${AOF_DIR}/${AOF_INCR}`;
  makeServerDir(s, c, AOF_DIR);
  const had = readServerFile(s, c, path) ?? '';
  writeServerFile(s, c, path, had + (had ? '' : resp(['SELECT', '0'])) + resp(argv));
}
