// mongosh: --eval of the shell helpers learners type (show dbs, use, db.c.insertOne/find/countDocuments/updateOne/deleteOne …), printed as mongosh does.
import type { MongoDoc, MongoOp } from '../../engine/index';
import { containerById } from '../../engine/index';
import { decodeBytesToUtf8 } from '../jb-compat';
import { findServer } from './db-target';
import type { Impl, Sys } from './sys';
import { mongoJs, type MongoVars } from './mongosh-js';

type V = MongoDoc[string];

/** A JavaScript value literal: objects with bare or quoted keys, arrays, strings in either quotes, numbers, ObjectId('…'). */
export function parseLiteral(src: string): V {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`Unexpected token (1:${i})`);
  };
  const value = (): V => {
    ws();
    const ch = src[i];
    if (ch === '{') {
      i++;
      const o: MongoDoc = {};
      ws();
      while (src[i] !== '}') {
        ws();
        const key = src[i] === '"' || src[i] === "'" ? (value() as string) : (/^[\w$.]+/.exec(src.slice(i))?.[0] ?? fail());
        if (typeof key === 'string' && !(src[i - 1] === '"' || src[i - 1] === "'")) i += key.length;
        ws();
        if (src[i++] !== ':') fail();
        o[key] = value();
        ws();
        if (src[i] === ',') i++;
        ws();
        if (i >= src.length) fail();
      }
      i++;
      return o;
    }
    if (ch === '[') {
      i++;
      const a: V[] = [];
      ws();
      while (src[i] !== ']') {
        a.push(value());
        ws();
        if (src[i] === ',') i++;
        ws();
        if (i >= src.length) fail();
      }
      i++;
      return a;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let out = '';
      for (; j < src.length && src[j] !== ch; j++) out += src[j] === '\\' ? src[++j] : src[j];
      if (j >= src.length) fail();
      i = j + 1;
      return out;
    }
    const m = /^(-?\d+(\.\d+)?|true|false|null|ObjectId\(\s*['"]([0-9a-f]{24})['"]\s*\)|new Date\(\)|ISODate\(\))/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    if (m[3]) return { $oid: m[3] };
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    if (m[0] === 'null') return null;
    if (m[0].includes('Date')) return new Date(0).toISOString();
    return Number(m[0]);
  };
  const v = value();
  ws();
  if (i < src.length) fail();
  return v;
}

/** util.inspect as mongosh uses it: 2-space indent, single-quoted strings, ObjectId('…'), short values on one line. */
export function inspect(v: unknown, indent = '', top = true): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return top ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v !== 'object') return String(v);
  if ('$oid' in (v as object)) return `ObjectId('${(v as { $oid: string }).$oid}')`;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    const parts = v.map((x) => inspect(x, inner, false));
    const flat = `[ ${parts.join(', ')} ]`;
    return flat.length <= 72 && !flat.includes('\n') && !v.some((x) => x && typeof x === 'object' && !('$oid' in x)) ? flat : `[\n${parts.map((p) => inner + p).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as object);
  if (!entries.length) return '{}';
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
  const parts = entries.map(([k, x]) => `${key(k)}: ${inspect(x, inner, false)}`);
  const flat = `{ ${parts.join(', ')} }`;
  const hasId = entries.some(([, x]) => x && typeof x === 'object' && '$oid' in x);
  return !hasId && flat.length <= 72 && !flat.includes('\n') ? flat : `{\n${parts.map((p) => inner + p).join(',\n')}\n${indent}}`;
}

/** Split `a(b, c)` argument text at top-level commas. */
function args(text: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '', q: string | null = null;
  for (const ch of text) {
    if (q) q = ch === q ? null : q;
    else if (ch === '"' || ch === "'") q = ch;
    else if ('{[('.includes(ch)) depth++;
    else if ('}])'.includes(ch)) depth--;
    if (!q && depth === 0 && ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((a) => a.trim());
}

export interface MongoshState {
  db: string;
  /** What the prompt's JavaScript lines declared (let n = …), kept for the next line. */
  vars?: MongoVars;
}

/** Run one line of mongosh input; returns what it prints. */
export async function mongoshLine(sys: Sys, id: string, st: MongoshState, line: string): Promise<{ out: string; error?: string }> {
  const text = line.trim().replace(/;$/, '');
  if (!text) return { out: '' };
  const call = (o: MongoOp) => sys.engine.container.mongo(id, st.db, o);
  if (/^show (dbs|databases)$/.test(text)) {
    const r = call({ op: 'dbs' });
    const names = r.ok ? (r.value as string[]) : [];
    const w = Math.max(...names.map((n) => n.length));
    const size = (n: string) => (n === 'config' ? '12.00 KiB' : n === 'local' || n === 'admin' ? '40.00 KiB' : '40.00 KiB');
    return { out: names.map((n) => `${n.padEnd(w)}  ${size(n)}`).join('\n') };
  }
  if (/^show (collections|tables)$/.test(text)) {
    const r = call({ op: 'collections' });
    return { out: r.ok ? (r.value as string[]).join('\n') : '' };
  }
  const use = /^use\s+(\w+)$/.exec(text);
  if (use) {
    const same = st.db === use[1];
    st.db = use[1];
    return { out: same ? `already on db ${use[1]}` : `switched to db ${use[1]}` };
  }
  if (text === 'db' || text === 'db.getName()') return { out: st.db };
  const m = /^db\.(\w+)\.(\w+)\(([\s\S]*)\)((?:\.limit\(\d*\))*)$/.exec(text);
  // anything else is JavaScript (expressions, variables, cursors, print/printjson)
  if (!m) return mongoJs(sys, id, st, text);
  const [, coll, method, argText, chain] = m;
  let a: V[];
  try {
    a = args(argText).map(parseLiteral);
  } catch {
    return mongoJs(sys, id, st, text); // arguments that are expressions, not literals
  }
  const doc = (x: V | undefined): MongoDoc => (x && typeof x === 'object' && !Array.isArray(x) ? (x as MongoDoc) : {});
  const limit = /\.limit\((\d+)\)/.exec(chain)?.[1];
  const done = (o: MongoOp, show: (v: unknown) => string) => {
    const r = call(o);
    return r.ok ? { out: show(r.value) } : { out: '', error: r.error };
  };
  switch (method) {
    case 'insertOne': return done({ op: 'insert', coll, docs: [doc(a[0])] }, (ids) => inspect({ acknowledged: true, insertedId: (ids as V[])[0] }));
    case 'insertMany': return done({ op: 'insert', coll, docs: (Array.isArray(a[0]) ? a[0] : []).map(doc) }, (ids) => inspect({ acknowledged: true, insertedIds: Object.fromEntries((ids as V[]).map((x, i) => [String(i), x])) }));
    case 'find': return done({ op: 'find', coll, filter: doc(a[0]), ...(limit ? { limit: Number(limit) } : {}) }, (v) => ((v as unknown[]).length ? inspect(v) : ''));
    case 'findOne': return done({ op: 'find', coll, filter: doc(a[0]), one: true }, (v) => inspect(v));
    case 'countDocuments': return done({ op: 'count', coll, filter: doc(a[0]) }, (v) => String(v));
    case 'deleteOne': case 'deleteMany': return done({ op: 'delete', coll, filter: doc(a[0]), many: method === 'deleteMany' }, (n) => inspect({ acknowledged: true, deletedCount: n }));
    case 'updateOne': case 'updateMany': return done({ op: 'update', coll, filter: doc(a[0]), update: doc(a[1]), many: method === 'updateMany' }, (n) => inspect({ acknowledged: true, insertedId: null, matchedCount: n, modifiedCount: n, upsertedCount: 0 }));
    case 'drop': return done({ op: 'drop', coll }, (v) => String(v));
  }
  return { out: '', error: `TypeError: db.${coll}.${method} is not a function` };
}

export const MONGOSH_VERSION = '2.3.4';

/** What mongosh prints before anything else (without --quiet). */
export function mongoshBanner(serverVersion: string, uri: string): string {
  return `Current Mongosh Log ID:\t6752f0a1c3b2a1d4e5f60718\nConnecting to:\t\t${uri}\nUsing MongoDB:\t\t${serverVersion}\nUsing Mongosh:\t\t${MONGOSH_VERSION}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n`;
}

export const mongosh: Impl = async (argv, ctx, sys) => {
  if (argv.includes('--version')) return { stdout: `${MONGOSH_VERSION}\n`, stderr: '', exitCode: 0 };
  let host = '127.0.0.1', port = 27017, db = 'test', quiet = false;
  const evals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--eval') evals.push(argv[++i] ?? '');
    else if (x === '--quiet') quiet = true;
    else if (x === '--host') host = argv[++i] ?? host;
    else if (x === '--port') port = Number(argv[++i]);
    else if (x === '-u' || x === '-p' || x === '--username' || x === '--password' || x === '--authenticationDatabase') i++;
    else if (x.startsWith('mongodb://')) {
      const u = /^mongodb:\/\/(?:[^@/]*@)?([^:/?]+)(?::(\d+))?(?:\/(\w+))?/.exec(x);
      if (u) [host, port, db] = [u[1], u[2] ? Number(u[2]) : 27017, u[3] ?? db];
    } else if (!x.startsWith('-')) db = x;
  }
  const uri = `mongodb://${host}:${port}/${db === 'test' ? '' : db}?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${MONGOSH_VERSION}`;
  const t = findServer(sys, host, port);
  if ('error' in t || t.program !== 'mongod') {
    return { stdout: quiet ? '' : `Current Mongosh Log ID:\t6752f0a1c3b2a1d4e5f60718\nConnecting to:\t\t${uri}\n`, stderr: `MongoNetworkError: connect ECONNREFUSED ${host}:${port}\n`, exitCode: 1 };
  }
  const version = containerById(sys.engine.state, t.id)?.config.Env.find((e) => e.startsWith('MONGO_VERSION='))?.slice(14) ?? '8.0.4';
  const input = evals.length ? evals : decodeBytesToUtf8(ctx.stdin).split('\n');
  if (!evals.length && !input.some((l) => l.trim())) {
    return { stdout: quiet ? '' : mongoshBanner(version, uri), stderr: "dockerlings: mongosh's interactive prompt is not simulated; pass statements with --eval (mongosh --eval 'db.users.find()')\n", exitCode: 0 };
  }
  const st: MongoshState = { db };
  let out = quiet ? '' : mongoshBanner(version, uri);
  for (const line of input.flatMap((e) => e.split(/;\s*\n|\n/))) {
    const r = await mongoshLine(sys, t.id, st, line);
    if (r.error) return { stdout: out, stderr: r.error + '\n', exitCode: 1 };
    if (r.out) out += r.out + '\n';
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
