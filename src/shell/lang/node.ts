// The `node` program of the node images: version flags, -e / -p, scripts from the container's files (a bind mount, a
// volume or a COPY), with the interpreter (node-vm.ts, QuickJS) loaded only when code first runs.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { containerOf } from '../userland/sys';
import { SyncFiles, withFiles } from './files';
import type { LiveNode, NodeResult, NodeRun } from './node-vm';
import { putAnswer, servedBefore, takeRequest, type HandlerWrites } from './app-requests';
import type { ServedRequest } from '../../engine/index';
import { FOREVER_MS, envRecord, nodeBanner, runsOn } from './common';

// (what other languages' commands once imported from here: new code imports ./common, which stays out of node's chunk)
export { FOREVER_MS, envRecord, runsOn };

const versionOf = (ctx: Ctx) => ctx.env.get('NODE_VERSION') || '22.12.0';

/** What `node ARGS` runs: null with a result when it only prints something (its version, a usage error). */
export function parseNodeArgs(args: string[], ctx: Ctx): { mode: NodeRun['mode'] | 'repl'; argv: string[] } | ExecResult {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') return { stdout: `v${versionOf(ctx)}\n`, stderr: '', exitCode: 0 };
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      if (args[i + 1] === undefined) return { stdout: '', stderr: `node: ${a} requires an argument\n`, exitCode: 9 };
      return { mode: { kind: 'eval', code: args[i + 1], print: a === '-p' || a === '--print' }, argv: ['/usr/local/bin/node', ...args.slice(i + 2)] };
    }
    if (a === '--') return args[i + 1] ? script(args[i + 1], args.slice(i + 2)) : { mode: 'repl', argv: ['/usr/local/bin/node'] };
    if (a.startsWith('-')) continue; // --watch, --inspect, --no-warnings …: accepted, no effect here
    return script(a, args.slice(i + 1));
  }
  return { mode: 'repl', argv: ['/usr/local/bin/node'] };
  function script(file: string, rest: string[]) {
    const full = ctx.fs.resolvePath(ctx.cwd, file);
    return { mode: { kind: 'script' as const, file: full }, argv: ['/usr/local/bin/node', full, ...rest] };
  }
}

/** Servers kept alive between requests: by session (engine), container and start time; the last few used in this tab
 *  (their VMs hold WebAssembly memory, which no garbage collector frees, so the number is bounded across sessions). */
const LIVE_MAX = 4;
const livePool = new Map<string, LiveNode>();
const sessionIds = new WeakMap<Sys['engine'], number>();
let nextSession = 0;

/**
 * The request answered by the server kept alive since the last one, when it can be: the same process (start time),
 * the requests the engine says it answered, and no file it read changed since. Else undefined (the server is replayed).
 */
async function answerLive(ctx: Ctx, pool: Map<string, LiveNode>, key: string, request: NonNullable<NodeRun['request']>) {
  const live = pool.get(key);
  if (!live) return undefined;
  pool.delete(key);
  try {
    if (live.served === (request.before?.length ?? 0) && !(await live.files.refresh(ctx.fs))) {
      const r = live.answer(live.files, request);
      if (!r.crashed) return keepLive(pool, key, live, r);
    }
  } catch {
    // a file it had not read, or its work budget: answered the long way instead
  }
  live.dispose();
  return undefined;
}

function keepLive(pool: Map<string, LiveNode>, key: string, live: LiveNode, r: NodeResult) {
  const writes = { files: [...live.files.writes], dirs: [...live.files.mkdirs] };
  live.files.settle();
  live.served++;
  pool.set(key, live);
  for (const [k, old] of [...pool].slice(0, Math.max(0, pool.size - LIVE_MAX))) (pool.delete(k), old.dispose());
  return { ...r, writes };
}

/** Run node once (or, with `request`, run its server's handler for one request). */
export async function runNodeProgram(ctx: Ctx, sys: Sys, mode: NodeRun['mode'], argv: string[], request?: NodeRun['request']): Promise<NodeResult & { writes?: HandlerWrites }> {
  const { loadQuickJS, runNode } = await import('./node-vm');
  const qjs = await loadQuickJS();
  const files = new SyncFiles();
  const c = containerOf(sys);
  const pool = livePool;
  if (!sessionIds.has(sys.engine)) sessionIds.set(sys.engine, nextSession++);
  const key = `${sessionIds.get(sys.engine)}:${c?.id}@${c?.state.startedAt}`;
  const fast = request && c ? await answerLive(ctx, pool, key, request) : undefined;
  if (fast) return fast;
  // a server answering a request runs on the clock of its process, which started with the container
  const start = request && c?.state.startedAt ? c.state.startedAt : sys.now();
  const run: NodeRun = { mode, argv, cwd: ctx.cwd, env: envRecord(ctx), hostname: c?.config.Hostname ?? 'localhost', pid: 1, version: versionOf(ctx), tty: sys.tty(), start, ...(request ? { request } : {}) };
  let kept: LiveNode | undefined;
  const r = await withFiles(ctx.fs, files, () => runNode(qjs, files, run, request && c ? (l) => (kept = l) : undefined));
  if (!request) await files.flush(ctx.fs);
  if (kept && !r.crashed) return keepLive(pool, key, kept, r);
  kept?.dispose();
  // a handler's writes: the runtime puts them in the container (this run's filesystem is thrown away)
  return request ? { ...r, writes: { files: [...files.writes], dirs: [...files.mkdirs] } } : r;
}

/** One input at node's prompt (sys.process.repl): its output and the value, in the order the terminal shows them. */
async function replInput(ctx: Ctx, sys: Sys, repl: NonNullable<NonNullable<Sys['process']>['repl']>): Promise<ExecResult> {
  const r = await runNodeProgram(ctx, sys, { kind: 'repl', before: repl.before, input: repl.input }, ['/usr/local/bin/node']);
  if (r.exited) repl.exited = r.exitCode;
  return { stdout: r.out.map((o) => o.text).join(''), stderr: '', exitCode: r.exitCode };
}

export async function node(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  if (sys.process?.repl) return replInput(ctx, sys, sys.process.repl);
  const parsed = parseNodeArgs(args, ctx);
  if ('exitCode' in parsed) return parsed;
  let mode = parsed.mode;
  if (mode === 'repl') {
    const input = String(ctx.stdin ?? '');
    if (!input.trim() && sys.tty()) return { stdout: nodeBanner(versionOf(ctx)), stderr: '', exitCode: 0 }; // the prompt itself is a shell frame (repl.ts)
    if (!input.trim()) return { stdout: '', stderr: '', exitCode: 0 }; // no terminal: the REPL reads end-of-file
    mode = { kind: 'eval', code: String(input) };
  }
  if (mode.kind === 'script') {
    const exists = await ctx.fs.stat(mode.file).then((s) => !s.isDirectory).catch(() => false);
    const indexed = !exists && (await ctx.fs.stat(mode.file + '.js').then(() => true).catch(() => false));
    if (indexed) mode = { kind: 'script', file: mode.file + '.js' };
    else if (!exists) {
      const v = versionOf(ctx);
      return { stdout: '', stderr: `node:internal/modules/cjs/loader:1252\n  throw err;\n  ^\n\nError: Cannot find module '${mode.file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1249:15)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${v}\n`, exitCode: 1 };
    }
  }
  const request = sys.process?.execId ? undefined : takeRequest(sys.containerId);
  if (request) {
    // the runtime started this server again to answer one request, after the ones its process answered before (their
    // output was shown then): its response and what the handler printed
    const time = sys.now();
    const served: ServedRequest = { ...request, time };
    const r = await runNodeProgram(ctx, sys, mode, parsed.argv, { ...served, before: servedBefore(containerOf(sys) ?? undefined) });
    const logs = r.out.map((o) => ({ stream: o.fd === 1 ? ('stdout' as const) : ('stderr' as const), text: o.text }));
    // the handler ended the process (node prints the uncaught error and exits): the container stops, nothing answers
    if (r.crashed && sys.containerId) putAnswer(sys.containerId, { status: 0, reason: '', headers: [], body: '', logs, exit: r.exitCode, served });
    else if (r.response && sys.containerId) {
      const res = r.response;
      const has = (k: string) => res.headers.some(([h]) => h.toLowerCase() === k);
      const date = new Date(sys.now()).toUTCString();
      // node sends no length for a response that has no body (204, 304)
      const length: [string, string] = has('content-length') || res.status === 204 || res.status === 304 ? ['', ''] : res.chunked ? ['Transfer-Encoding', 'chunked'] : ['Content-Length', String(res.body.length)];
      const headers: [string, string][] = [...res.headers, ['Date', date], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5'], ...(length[0] ? [length] : [])];
      putAnswer(sys.containerId, { status: res.status, reason: res.reason, headers, body: request.method === 'HEAD' ? '' : res.body, logs, served, ...(r.writes ? { writes: r.writes } : {}) });
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const r = await runNodeProgram(ctx, sys, mode, parsed.argv);
  sys.report?.listens.push(...r.listens.filter((p) => p > 0));
  sys.report?.traps.push(...r.traps);
  const stdout = r.out.filter((o) => o.fd === 1).map((o) => o.text).join('');
  const stderr = r.out.filter((o) => o.fd === 2).map((o) => o.text).join('');
  if (r.forever) return runsOn(ctx, sys, stdout, stderr);
  return { stdout, stderr, exitCode: r.exitCode };
}
