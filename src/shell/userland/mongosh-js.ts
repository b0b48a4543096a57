// mongosh beyond its helpers: any JavaScript line (1 + 2, let n = db.c.countDocuments(), db.c.find().forEach(printjson) …)
// runs in QuickJS (the node program's engine, loaded on first use) with `db`, print and printjson over the mongo server.
import type { MongoOp } from '../../engine/index';
import type { Sys } from './sys';

/** Variables the prompt keeps between lines (JSON-able values; functions and cursors are not kept). */
export type MongoVars = Record<string, unknown>;

const PRELUDE = String.raw`
(function () {
  const G = globalThis;
  const call = (op) => { const r = JSON.parse(__mongo(JSON.stringify(op))); if (!r.ok) throw new Error(r.error); return r.value; };
  const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'");
  function inspect(v, indent, top) {
    indent = indent || '';
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (typeof v === 'string') return top ? v : "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
    if (typeof v === 'function') return '[Function: ' + (v.name || 'anonymous') + ']';
    if (typeof v !== 'object') return String(v);
    if (v instanceof Date) return 'ISODate(' + "'" + v.toISOString() + "'" + ')';
    if ('$oid' in v) return "ObjectId('" + v.$oid + "')";
    const inner = indent + '  ';
    const nested = (x) => x && typeof x === 'object' && !('$oid' in x) && !(x instanceof Date);
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      const parts = v.map((x) => inspect(x, inner, false));
      const flat = '[ ' + parts.join(', ') + ' ]';
      return flat.length <= 72 && flat.indexOf('\n') < 0 && !v.some(nested) ? flat : '[\n' + parts.map((p) => inner + p).join(',\n') + '\n' + indent + ']';
    }
    const entries = Object.keys(v).map((k) => [k, v[k]]);
    if (!entries.length) return '{}';
    const parts = entries.map(([k, x]) => key(k) + ': ' + inspect(x, inner, false));
    const flat = '{ ' + parts.join(', ') + ' }';
    const hasId = entries.some(([, x]) => x && typeof x === 'object' && '$oid' in x);
    return !hasId && flat.length <= 72 && flat.indexOf('\n') < 0 ? flat : '{\n' + parts.map((p) => inner + p).join(',\n') + '\n' + indent + '}';
  }
  G.ObjectId = function ObjectId(h) { return { $oid: String(h) }; };
  class Cursor {
    constructor(coll, filter) { this.coll = coll; this.filter = filter || {}; this.n = 0; }
    limit(n) { this.n = n; return this; }
    toArray() { return call(Object.assign({ op: 'find', coll: this.coll, filter: this.filter }, this.n ? { limit: this.n } : {})); }
    count() { return this.toArray().length; }
    forEach(f) { this.toArray().forEach((d) => f(d)); }
    map(f) { return this.toArray().map((d) => f(d)); }
    hasNext() { return this.toArray().length > 0; }
    next() { return this.toArray()[0] || null; }
    pretty() { return this; }
  }
  const ack = (o) => Object.assign({ acknowledged: true }, o);
  function collection(name) {
    return {
      insertOne: (d) => ack({ insertedId: call({ op: 'insert', coll: name, docs: [d || {}] })[0] }),
      insertMany: (ds) => { const ids = call({ op: 'insert', coll: name, docs: ds || [] }); const o = {}; ids.forEach((x, i) => (o[i] = x)); return ack({ insertedIds: o }); },
      find: (f) => new Cursor(name, f),
      findOne: (f) => call({ op: 'find', coll: name, filter: f || {}, one: true }),
      countDocuments: (f) => call({ op: 'count', coll: name, filter: f || {} }),
      updateOne: (f, u) => { const n = call({ op: 'update', coll: name, filter: f || {}, update: u || {}, many: false }); return ack({ insertedId: null, matchedCount: n, modifiedCount: n, upsertedCount: 0 }); },
      updateMany: (f, u) => { const n = call({ op: 'update', coll: name, filter: f || {}, update: u || {}, many: true }); return ack({ insertedId: null, matchedCount: n, modifiedCount: n, upsertedCount: 0 }); },
      deleteOne: (f) => ack({ deletedCount: call({ op: 'delete', coll: name, filter: f || {}, many: false }) }),
      deleteMany: (f) => ack({ deletedCount: call({ op: 'delete', coll: name, filter: f || {}, many: true }) }),
      drop: () => call({ op: 'drop', coll: name }),
    };
  }
  G.db = new Proxy({}, {
    get(_, k) {
      if (typeof k !== 'string') return undefined;
      if (k === 'getName' || k === 'toString') return () => __dbName;
      if (k === 'getCollection') return (n) => collection(n);
      if (k === 'getCollectionNames') return () => call({ op: 'collections' });
      return collection(k);
    },
  });
  const out = [];
  G.print = (...a) => { out.push(a.map((x) => inspect(x, '', true)).join(' ')); };
  G.printjson = (x) => { out.push(inspect(x, '', false)); };
  G.console = { log: G.print, error: G.print, info: G.print };
  const R = Date;
  G.Date = class Date extends R { constructor(...a) { if (a.length) super(...a); else super(__now); } static now() { return __now; } };
  G.__printed = () => out.splice(0).join('\n');
  G.__show = (v) => {
    if (v === undefined) return undefined;
    if (v instanceof Cursor) { const docs = v.toArray(); return docs.length ? inspect(docs, '', true) : undefined; }
    return inspect(v, '', true);
  };
  G.__builtin = Object.getOwnPropertyNames(G).concat(['__builtin', '__kept']);
  G.__kept = () => { const o = {}; for (const k of Object.getOwnPropertyNames(G)) { if (G.__builtin.indexOf(k) >= 0) continue; const v = G[k]; if (typeof v === 'function' || v instanceof Cursor) continue; try { JSON.stringify(v); o[k] = v; } catch (e) { /* not kept */ } } return JSON.stringify(o); };
})();
`;

/** Run one line of JavaScript as mongosh's prompt would: what it printed and its value, or the error mongosh shows. */
export async function mongoJs(sys: Sys, id: string, st: { db: string; vars?: MongoVars }, code: string): Promise<{ out: string; error?: string }> {
  const [{ loadQuickJS }, { calleeAt }] = await Promise.all([import('../lang/node-vm'), import('../lang/v8-words')]);
  const qjs = await loadQuickJS();
  const rt = qjs.newRuntime();
  let units = 0;
  rt.setInterruptHandler(() => ++units > 1_000_000); // an endless loop ends the line, not the tab
  const vm = rt.newContext();
  try {
    const host = vm.newFunction('__mongo', (h) => vm.newString(JSON.stringify(sys.engine.container.mongo(id, st.db, JSON.parse(vm.getString(h)) as MongoOp))));
    vm.setProp(vm.global, '__mongo', host);
    host.dispose();
    vm.unwrapResult(vm.evalCode(`globalThis.__dbName = ${JSON.stringify(st.db)}; globalThis.__now = ${sys.now()};`)).dispose();
    vm.unwrapResult(vm.evalCode(PRELUDE)).dispose();
    vm.unwrapResult(vm.evalCode(`Object.assign(globalThis, ${JSON.stringify(st.vars ?? {})});`)).dispose();
    // the prompt keeps top-level let/const between lines, as mongosh's REPL does: here as globals
    const src = code.replace(/(^|;)(\s*)(let|const)\s/g, '$1$2var ');
    const r = vm.evalCode(src, 'REPL');
    const str = (js: string) => {
      const h = vm.unwrapResult(vm.evalCode(js));
      const s = vm.getString(h);
      h.dispose();
      return s;
    };
    const printed = str('__printed()');
    if (r.error) {
      const e = vm.dump(r.error) as { name?: string; message?: string; stack?: string };
      r.error.dispose();
      const at = /REPL:(\d+):(\d+)/.exec(e.stack ?? '');
      const callee = e.message === 'not a function' && at ? calleeAt(src.split('\n')[Number(at[1]) - 1] ?? '', Number(at[2]) - 1) : '';
      const message = (callee ? `${callee} is not a function` : (e.message ?? String(e))).replace(/^'(.+)' is not defined$/, '$1 is not defined')
        .replace(/^cannot read property '([^']+)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')").replace(/^interrupted$/, 'Script execution was interrupted');
      return { out: printed, error: `${e.name ?? 'Error'}: ${message}` };
    }
    const showFn = vm.getProp(vm.global, '__show');
    const shown = vm.unwrapResult(vm.callFunction(showFn, vm.undefined, r.value));
    showFn.dispose();
    r.value.dispose();
    const text = vm.typeof(shown) === 'string' ? vm.getString(shown) : '';
    shown.dispose();
    st.vars = JSON.parse(str('__kept()')) as MongoVars;
    return { out: [printed, text].filter((x) => x).join('\n') };
  } finally {
    vm.dispose();
    rt.dispose();
  }
}
