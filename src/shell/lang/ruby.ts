// The `ruby` and `irb` programs of the ruby images: -e, scripts from the container's files, `-run -e httpd`, irb's
// prompt, with a Ruby subset (rb-*.ts, its own chunk) and Ruby 3.3's messages. A server (Sinatra, TCPServer, httpd)
// answers requests like node's and flask's (app-requests.ts).
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { containerOf } from '../userland/sys';
import { SyncFiles, withFiles } from './files';
import { envRecord, FOREVER_MS, runsOn } from './common';
import { putAnswer, servedBefore, takeRequest } from './app-requests';
import type { ServedRequest } from '../../engine/index';
import { versionText } from '../../engine/index';
import type { RbRunSpec } from './rb-main';

const versionOf = (ctx: Ctx) => ctx.env.get('RUBY_VERSION') || '3.3.6';

/** Run Ruby in this container (or answer one request of the server it runs). */
async function runRb(ctx: Ctx, sys: Sys, mode: RbRunSpec['mode'], argv: string[]): Promise<ExecResult> {
  const { runRuby } = await import('./rb-main');
  const files = new SyncFiles();
  const c = containerOf(sys);
  const request = sys.process?.execId ? undefined : takeRequest(sys.containerId);
  const ep = c ? Object.values(c.endpoints).find((e) => e.ip) : undefined;
  const gateway = (ep && sys.engine.state.networks[ep.networkId]?.ipam.config[0]?.Gateway) || '172.17.0.1';
  const time = sys.now();
  let slept = 0;
  const env = envRecord(ctx);
  const r = await withFiles(ctx.fs, files, () => {
    slept = 0;
    return runRuby({ mode, argv, cwd: ctx.cwd, env: { ...env }, version: versionOf(ctx), files, stdin: String(ctx.stdin ?? ''), tty: sys.tty(), ip: ep?.ip ?? '172.17.0.2',
      start: request && c?.state.startedAt ? c.state.startedAt : sys.now(), sleep: (ms) => (slept += ms),
      ...(request ? { request: { method: request.method, url: request.url, client: gateway, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}), time, before: servedBefore(c ?? undefined).map((b) => ({ ...b, client: gateway })) } } : {}) });
  });
  if (request) {
    const served: ServedRequest = { ...request, time };
    if (r.reply && sys.containerId) putAnswer(sys.containerId, { ...(r.reply.protocol ? { protocol: r.reply.protocol } : {}), status: r.reply.status, reason: r.reply.reason, headers: r.reply.headers, body: r.reply.body, logs: [...(r.stdout ? [{ stream: 'stdout' as const, text: r.stdout }] : []), ...(r.reply.stderr ? [{ stream: 'stderr' as const, text: r.reply.stderr }] : [])], served });
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  await files.flush(ctx.fs);
  if (r.exited && sys.process?.repl) sys.process.repl.exited = r.exitCode;
  if (r.serving && r.serving.host !== '127.0.0.1' && r.serving.host !== 'localhost') sys.report?.listens.push(r.serving.port);
  if (r.forever) {
    // $stdout to a pipe is buffered (8 KiB) unless $stdout.sync = true; a server's banner is written when it starts
    const keep = sys.tty() || r.serving || r.sync ? r.stdout : r.stdout.slice(0, r.stdout.length - (r.stdout.length % 8192));
    return runsOn(ctx, sys, keep, r.stderr);
  }
  if (ctx.sleep && slept && sys.report) await ctx.sleep(Math.min(slept, FOREVER_MS)); // sleep: simulated time passes
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

export async function ruby(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  let requires: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') {
      const env = [...ctx.env.entries()].map(([k, v]) => `${k}=${v}`);
      const text = versionText('ruby', '-v', env)![0].text;
      if (a === '--version' || i === args.length - 1) return { stdout: text, stderr: '', exitCode: 0 };
      continue;
    }
    if (a === '-e') {
      if (args[i + 1] === undefined) return { stdout: '', stderr: 'ruby: no code specified for -e (RuntimeError)\n', exitCode: 1 };
      const codes: string[] = [];
      while (args[i] === '-e') { codes.push(args[i + 1] ?? ''); i += 2; }
      const rest = args.slice(i);
      if (requires.includes('un') && /^\s*httpd\s*$/.test(codes[0])) return runRb(ctx, sys, { kind: 'httpd', args: rest }, ['-e', ...rest]);
      if (requires.includes('un')) return { stdout: '', stderr: `dockerlings: ruby -run -e ${codes[0]} is not simulated here (ruby -run -e httpd is)\n`, exitCode: 1 };
      return runRb(ctx, sys, { kind: 'eval', code: requires.map((r) => `require '${r}'\n`).join('') + codes.join('\n'), file: '-e' }, ['-e', ...rest]);
    }
    if (a.startsWith('-r')) { requires = [...requires, a.length > 2 ? a.slice(2) : args[++i]]; continue; }
    if (a === '-w' || a === '-W' || a.startsWith('-W') || a === '--jit' || a === '--yjit' || a === '-d') continue;
    if (a === '-h' || a === '--help') return { stdout: 'Usage: ruby [switches] [--] [programfile] [arguments]\n  -e \'command\'    one line of script. Several -e\'s allowed. Omit [programfile]\n  -rlibrary       require the library before executing your script\n  -v              print the version number, then turn on verbose mode\n  --version       print the version number, then exit\n', stderr: '', exitCode: 0 };
    if (a === '--') { i++; break; }
    if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `ruby: invalid option ${a}  (-h will show valid options) (RuntimeError)\n`, exitCode: 1 };
    break;
  }
  const file = args[i];
  if (file && file !== '-') {
    const path = ctx.fs.resolvePath(ctx.cwd, file);
    const src = await ctx.fs.readFile(path).catch(() => null);
    if (src === null) return { stdout: '', stderr: `ruby: No such file or directory -- ${file} (LoadError)\n`, exitCode: 1 };
    return runRb(ctx, sys, { kind: 'script', code: requires.map((r) => `require '${r}'\n`).join('') + src, file }, [file, ...args.slice(i + 1)]);
  }
  const code = String(ctx.stdin ?? '');
  if (!code.trim()) return { stdout: '', stderr: '', exitCode: 0 };
  return runRb(ctx, sys, { kind: 'stdin', code, file: '-' }, ['-']);
}

/** irb: at a prompt each input runs after the ones before it; without a terminal it reads stdin and echoes each value. */
export async function irb(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  const repl = sys.process?.repl;
  if (repl) return runRb(ctx, sys, { kind: 'repl', before: repl.before, input: repl.input }, ['irb']);
  if (args[0] === '-v' || args[0] === '--version') return { stdout: versionText('irb', '-v', [])![0].text, stderr: '', exitCode: 0 };
  const code = String(ctx.stdin ?? '');
  if (!code.trim()) return { stdout: '', stderr: '', exitCode: 0 }; // no terminal: irb reads end-of-file
  // irb with a pipe: "Switch to inspect mode.", then each line echoed with its value
  const lines = code.split('\n').filter((l) => l.trim());
  let out = 'Switch to inspect mode.\n';
  const before: string[] = [];
  for (const l of lines) {
    const r = await runRb(ctx, sys, { kind: 'repl', before: [...before], input: l }, ['irb']);
    out += `${l}\n${r.stdout}${r.stderr}`;
    before.push(l);
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}
