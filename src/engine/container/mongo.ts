// The mongod a container runs: collections as files in /data/db (WiredTiger names, readable stand-in content) and the operations mongosh sends.
import type { EngineState } from '../state';
import { listServerDir, readServerFile, removeServerPath, writeServerFile } from '../server-files';
import { containerById } from '../container-table';

export type Doc = { [k: string]: DocValue };
export type DocValue = string | number | boolean | null | { $oid: string } | DocValue[] | Doc;

export type MongoOp =
  | { op: 'insert'; coll: string; docs: Doc[] }
  | { op: 'find'; coll: string; filter: Doc; one?: boolean; limit?: number }
  | { op: 'count'; coll: string; filter: Doc }
  | { op: 'delete'; coll: string; filter: Doc; many: boolean }
  | { op: 'update'; coll: string; filter: Doc; update: Doc; many: boolean }
  | { op: 'drop'; coll: string }
  | { op: 'dbs' }
  | { op: 'collections' };

export type MongoReply = { ok: true; value: unknown } | { ok: false; error: string };

const DIR = '/data/db';
const CATALOG = `${DIR}/_mdb_catalog.wt`;

/** The catalog: "db.collection" → its collection file (collection-<n>-<id>.wt). */
function catalog(s: EngineState, id: string): Record<string, string> {
  try {
    return JSON.parse(readServerFile(s, containerById(s, id)!, CATALOG) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function load(s: EngineState, id: string, file: string): Doc[] {
  try {
    return JSON.parse(readServerFile(s, containerById(s, id)!, `${DIR}/${file}`) ?? '[]') as Doc[];
  } catch {
    return [];
  }
}

const isOid = (v: unknown): v is { $oid: string } => typeof v === 'object' && v !== null && !Array.isArray(v) && '$oid' in v;
const same = (a: DocValue, b: DocValue): boolean => JSON.stringify(a) === JSON.stringify(b);

function cmp(a: DocValue, b: DocValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** A query filter: field equality (arrays match an element), $gt/$gte/$lt/$lte/$ne/$in/$nin/$exists. */
export function matches(d: Doc, filter: Doc): boolean {
  return Object.entries(filter).every(([k, cond]) => {
    const v = k.split('.').reduce<DocValue | undefined>((o, p) => (o && typeof o === 'object' && !Array.isArray(o) && !isOid(o) ? (o as Doc)[p] : undefined), d);
    if (cond && typeof cond === 'object' && !Array.isArray(cond) && !isOid(cond) && Object.keys(cond).some((x) => x.startsWith('$'))) {
      return Object.entries(cond as Doc).every(([op, arg]) => {
        if (op === '$exists') return (v !== undefined) === !!arg;
        if (v === undefined) return op === '$ne' || op === '$nin';
        switch (op) {
          case '$eq': return same(v, arg);
          case '$ne': return !same(v, arg);
          case '$gt': return cmp(v, arg) > 0;
          case '$gte': return cmp(v, arg) >= 0;
          case '$lt': return cmp(v, arg) < 0;
          case '$lte': return cmp(v, arg) <= 0;
          case '$in': return Array.isArray(arg) && arg.some((x) => same(v, x));
          case '$nin': return Array.isArray(arg) && !arg.some((x) => same(v, x));
        }
        return false;
      });
    }
    return v !== undefined && (same(v, cond) || (Array.isArray(v) && v.some((x) => same(x, cond))));
  });
}

/** ObjectId: 4-byte seconds, then a counter (deterministic here: the process and a count instead of random bytes). */
function objectId(s: EngineState, n: number): string {
  return Math.floor(s.clock / 1000).toString(16).padStart(8, '0') + 'a1b2c3d4e5' + (0x100000 + n).toString(16).slice(-6);
}

/** One mongosh operation on database `db` of the mongod in container `id`. */
export function mongoRequest(s: EngineState, id: string, db: string, o: MongoOp): MongoReply {
  const c = containerById(s, id);
  if (!c) return { ok: false, error: 'MongoServerSelectionError: connection refused' };
  const cat = catalog(s, id);
  const ns = (coll: string) => `${db}.${coll}`;
  const saveCat = () => writeServerFile(s, c, CATALOG, JSON.stringify(cat), 0o600);
  if (o.op === 'dbs') {
    const names = new Set(['admin', 'config', 'local', ...Object.keys(cat).map((k) => k.split('.')[0])]);
    return { ok: true, value: [...names].sort() };
  }
  if (o.op === 'collections') return { ok: true, value: Object.keys(cat).filter((k) => k.startsWith(db + '.')).map((k) => k.slice(db.length + 1)).sort() };
  const file = cat[ns(o.coll)];
  const docs = file ? load(s, id, file) : [];
  const save = (next: Doc[]) => {
    let f = file;
    if (!f) {
      const n = listServerDir(s, c, DIR).filter((x) => x.startsWith('collection-')).length * 2 + 2;
      f = `collection-${n}-${(BigInt.asUintN(63, BigInt(s.clock) * 2654435761n) % 10n ** 19n).toString()}.wt`;
      cat[ns(o.coll)] = f;
      saveCat();
    }
    writeServerFile(s, c, `${DIR}/${f}`, JSON.stringify(next), 0o600);
  };
  switch (o.op) {
    case 'insert': {
      const base = Object.values(cat).length * 1000 + docs.length;
      const added = o.docs.map((d, i) => ('_id' in d ? d : { _id: { $oid: objectId(s, base + i) }, ...d }));
      for (const d of added) if (docs.some((x) => same(x._id, d._id))) return { ok: false, error: `MongoBulkWriteError: E11000 duplicate key error collection: ${ns(o.coll)} index: _id_ dup key: { _id: ${JSON.stringify(d._id)} }` };
      save([...docs, ...added]);
      return { ok: true, value: added.map((d) => d._id) };
    }
    case 'find': {
      const found = docs.filter((d) => matches(d, o.filter));
      return { ok: true, value: o.one ? (found[0] ?? null) : found.slice(0, o.limit ?? found.length) };
    }
    case 'count': return { ok: true, value: docs.filter((d) => matches(d, o.filter)).length };
    case 'delete': {
      let n = 0;
      const keep = docs.filter((d) => (matches(d, o.filter) && (o.many || n === 0) ? (n++, false) : true));
      if (n) save(keep);
      return { ok: true, value: n };
    }
    case 'update': {
      let matched = 0;
      const set = (o.update.$set ?? {}) as Doc;
      const inc = (o.update.$inc ?? {}) as Doc;
      if (!Object.keys(o.update).every((k) => k === '$set' || k === '$inc')) return { ok: false, error: 'MongoInvalidArgumentError: Update document requires atomic operators' };
      const next = docs.map((d) => {
        if (!matches(d, o.filter) || (!o.many && matched)) return d;
        matched++;
        const out: Doc = { ...d, ...set };
        for (const [k, v] of Object.entries(inc)) out[k] = (typeof out[k] === 'number' ? (out[k] as number) : 0) + Number(v);
        return out;
      });
      if (matched) save(next);
      return { ok: true, value: matched };
    }
    case 'drop': {
      if (!file) return { ok: true, value: false };
      removeServerPath(s, c, `${DIR}/${file}`);
      delete cat[ns(o.coll)];
      saveCat();
      return { ok: true, value: true };
    }
  }
}
