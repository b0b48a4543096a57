// redis-cli: sends one command (or one per stdin line) to a redis-server and prints the reply as redis-cli 7.4 does.
import type { RedisReply } from '../../engine/index';
import { decodeBytesToUtf8 } from '../jb-compat';
import { findServer, splitWords } from './db-target';
import type { Impl } from './sys';

/** sdscatrepr: a quoted string with C escapes, as the human-readable output shows bulk strings. */
function repr(v: string): string {
  let out = '"';
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c > 127) out += [...new TextEncoder().encode(ch)].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('');
    else out += ch;
  }
  return out + '"';
}

/** cliFormatReplyTTY. */
export function human(r: RedisReply, indent = ''): string {
  switch (r.k) {
    case 'status': return r.v + '\n';
    case 'error': return `(error) ${r.v}\n`;
    case 'int': return `(integer) ${r.v}\n`;
    case 'bulk': return r.v === null ? '(nil)\n' : repr(r.v) + '\n';
    case 'array': {
      if (!r.v.length) return '(empty array)\n';
      const w = String(r.v.length).length;
      return r.v.map((x, i) => `${i ? indent : ''}${String(i + 1).padStart(w)}) ${human(x, indent + ' '.repeat(w + 2))}`).join('');
    }
  }
}

/** cliFormatReplyRaw (stdout is not a terminal): no quotes or type labels. */
function raw(r: RedisReply): string {
  switch (r.k) {
    case 'status': return r.v;
    case 'error': return r.v + '\n';
    case 'int': return String(r.v);
    case 'bulk': return r.v ?? '';
    case 'array': return r.v.map(raw).join('\n');
  }
}

const USAGE_PORT = (v: string) => `Invalid port number: ${v}\n`;

export const redisCli: Impl = async (args, ctx, sys) => {
  let host = '127.0.0.1';
  let port = 6379;
  let mode: 'tty' | 'raw' | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-h') host = args[++i] ?? '';
    else if (a === '-p') {
      const v = args[++i] ?? '';
      if (!/^\d+$/.test(v)) return { stdout: '', stderr: USAGE_PORT(v), exitCode: 1 };
      port = Number(v);
    } else if (a === '-a' || a === '-n' || a === '--user' || a === '--pass') i++;
    else if (a === '--raw') mode = 'raw';
    else if (a === '--no-raw') mode = 'tty';
    else if (a === '--no-auth-warning') continue;
    else if (a === '--version' || a === '-v') return { stdout: 'redis-cli 7.4.1\n', stderr: '', exitCode: 0 };
    else break;
  }
  const fmt = mode ?? (sys.tty() ? 'tty' : 'raw');
  const commands = i < args.length ? [args.slice(i)] : decodeBytesToUtf8(ctx.stdin).split('\n').map(splitWords).filter((w) => w.length);
  const target = findServer(sys, host, port);
  if ('error' in target || target.program !== 'redis-server') {
    const why = 'error' in target && target.error === 'unknown-host' ? 'Name or service not known' : 'Connection refused';
    return { stdout: '', stderr: `Could not connect to Redis at ${host}:${port}: ${why}\n`, exitCode: 1 };
  }
  if (!commands.length) {
    return { stdout: '', stderr: "dockerlings: redis-cli's interactive prompt is not simulated; give the command as arguments (redis-cli SET greeting hello)\n", exitCode: 0 };
  }
  let stdout = '';
  let code = 0;
  for (const argv of commands) {
    const reply = sys.engine.container.redis(target.id, argv);
    stdout += fmt === 'tty' ? human(reply) : raw(reply) + '\n';
    code = reply.k === 'error' ? 1 : 0;
  }
  return { stdout, stderr: '', exitCode: code };
};
