// stat (GNU coreutils 9.4 and busybox 1.36): the default report, -L, -t and -c/--format/--printf with the common directives.
import { entryOf } from './ls';
import { modeString, type LsEntry } from './ls-format';
import { containerOf, idNames, pad2, type Impl, type Sys } from './sys';

const TYPE: Record<LsEntry['kind'], string> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link', char: 'character special file' };
const RAW: Record<LsEntry['kind'], number> = { file: 0o100000, dir: 0o040000, symlink: 0o120000, char: 0o020000 };

/** A time as stat prints it: seconds, nanoseconds (whole-second times stay .000000000, as unpacked package files do), zone. */
function when(t: number, path: string): string {
  const d = new Date(t);
  const ms = t % 1000;
  let h = 7;
  for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) >>> 0;
  const ns = ms ? String(ms).padStart(3, '0') + String((h ^ t) % 1_000_000).padStart(6, '0') : '000000000';
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${ns} +0000`;
}

interface Look {
  e: LsEntry;
  /** The name as typed. */
  name: string;
  user: string;
  group: string;
  /** Device numbers of the filesystem: the host's root disk, or a container's overlay mount. */
  dev: [number, number];
  birth: boolean;
}

const typeText = (e: LsEntry) => (e.kind === 'file' && e.size === 0 ? 'regular empty file' : TYPE[e.kind]);
const blocks = (e: LsEntry) => (e.kind === 'symlink' ? 0 : e.blocks);

/** One %-directive's value ('' when unknown: the caller keeps the text as typed). */
function directive(c: string, l: Look, bb: boolean): string | null {
  const { e } = l;
  const quoted = (s: string) => (bb ? `'${s}'` : s);
  switch (c) {
    case 'n': return l.name;
    case 'N': return e.kind === 'symlink' ? `${quoted(l.name)} -> ${quoted(e.target ?? '')}` : quoted(l.name);
    case 's': return String(e.size);
    case 'b': return String(blocks(e));
    case 'B': return '512';
    case 'o': return '4096';
    case 'f': return (RAW[e.kind] | e.mode).toString(16);
    case 'F': return typeText(e);
    case 'a': return (e.kind === 'symlink' ? 0o777 : e.mode).toString(8);
    case 'A': return modeString(e);
    case 'u': return String(e.uid);
    case 'U': return l.user;
    case 'g': return String(e.gid);
    case 'G': return l.group;
    case 'i': return String(e.ino);
    case 'h': return String(e.nlink);
    case 'd': return String(l.dev[0] * 256 + l.dev[1]);
    case 'D': return (l.dev[0] * 256 + l.dev[1]).toString(16);
    case 't': return (e.rdev?.[0] ?? 0).toString(16);
    case 'T': return (e.rdev?.[1] ?? 0).toString(16);
    case 'x': case 'y': case 'z': return when(e.mtime, e.path);
    case 'X': case 'Y': case 'Z': return String(Math.floor(e.mtime / 1000));
    case 'w': return l.birth ? when(e.mtime, e.path) : '-';
    case 'W': return l.birth ? String(Math.floor(e.mtime / 1000)) : '0';
    case 'm': return '/';
    case '%': return '%';
    default: return null;
  }
}

/** Expand a -c/--printf format: %[-0 width][.prec]X directives; --printf also reads backslash escapes. */
function expand(fmt: string, l: Look, bb: boolean, escapes: boolean): string {
  let s = escapes ? fmt.replace(/\\([ntr\\"]|0[0-7]{0,3})/g, (_m, x: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' })[x] ?? String.fromCharCode(parseInt(x, 8))) : fmt;
  s = s.replace(/%([-0#+ ]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (m, flags: string, width: string, prec: string | undefined, c: string) => {
    const v = directive(c, l, bb);
    if (v === null) return m;
    const text = prec !== undefined && !/^\d+$/.test(v) ? v.slice(0, Number(prec)) : v;
    const w = Number(width || 0);
    if (text.length >= w) return text;
    return flags.includes('-') ? text.padEnd(w) : flags.includes('0') && /^\d+$/.test(text) ? text.padStart(w, '0') : text.padStart(w);
  });
  return s;
}

function report(l: Look, bb: boolean): string {
  const { e } = l;
  const devLine = bb ? `Device: ${directive('D', l, bb)}h/${directive('d', l, bb)}d` : `Device: ${l.dev[0]},${l.dev[1]}`;
  const links = e.kind === 'char' ? `Links: ${String(e.nlink).padEnd(5)} Device type: ${bb ? `${(e.rdev?.[0] ?? 0).toString(16)},${(e.rdev?.[1] ?? 0).toString(16)}` : `${e.rdev?.[0] ?? 0},${e.rdev?.[1] ?? 0}`}` : `Links: ${e.nlink}`;
  const lines = [
    `  File: ${directive('N', l, bb)}`,
    `  Size: ${String(e.size).padEnd(10)}\tBlocks: ${String(blocks(e)).padEnd(10)} IO Block: ${'4096'.padEnd(6)} ${typeText(e)}`,
    `${devLine}\tInode: ${String(e.ino).padEnd(10)}  ${links}`,
    `Access: (${(e.kind === 'symlink' ? 0o777 : e.mode).toString(8).padStart(4, '0')}/${modeString(e)})  Uid: (${String(e.uid).padStart(5)}/${l.user.padStart(8)})   Gid: (${String(e.gid).padStart(5)}/${l.group.padStart(8)})`,
    `Access: ${when(e.mtime, e.path)}`,
    `Modify: ${when(e.mtime, e.path)}`,
    `Change: ${when(e.mtime, e.path)}`,
  ];
  if (!bb) lines.push(` Birth: ${l.birth ? when(e.mtime, e.path) : '-'}`);
  return lines.join('\n') + '\n';
}

const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o';
const BB_USAGE = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: stat [-ltf] [-c FMT] FILE...\n\nDisplay file status\n\n\t-c FMT\tUse the specified format\n\t-f\tDisplay filesystem status\n\t-L\tFollow links\n\t-t\tTerse display\n';

export const stat: Impl = async (args, ctx, sys: Sys) => {
  const bb = sys.flavor === 'busybox';
  let follow = false;
  let terse = false;
  let format: string | null = null;
  let escapes = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string): string | null => {
      if (i + 1 < args.length) return args[++i];
      throw bb ? BB_USAGE : `stat: option requires an argument -- '${name}'\nTry 'stat --help' for more information.\n`;
    };
    try {
      if (a === '--') { files.push(...args.slice(i + 1)); break; }
      if (a === '-L' || a === '--dereference') follow = true;
      else if (a === '-t' || a === '--terse') terse = true;
      else if (a === '-c') format = value('c');
      else if (a.startsWith('-c') && a.length > 2) format = a.slice(2);
      else if (!bb && a.startsWith('--format=')) format = a.slice(9);
      else if (!bb && a === '--format') format = value('format');
      else if (!bb && a.startsWith('--printf=')) [format, escapes] = [a.slice(9), true];
      else if (!bb && a === '--printf') [format, escapes] = [value('printf'), true];
      else if (a.startsWith('-') && a !== '-') {
        if (bb) return { stdout: '', stderr: `stat: unrecognized option: ${a.replace(/^-+/, '')}\n${BB_USAGE}`, exitCode: 1 };
        const what = a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`;
        return { stdout: '', stderr: `stat: ${what}\nTry 'stat --help' for more information.\n`, exitCode: 1 };
      } else files.push(a);
    } catch (usage) {
      return { stdout: '', stderr: String(usage), exitCode: 1 };
    }
  }
  if (!files.length) return { stdout: '', stderr: bb ? BB_USAGE : "stat: missing operand\nTry 'stat --help' for more information.\n", exitCode: 1 };
  const names = await idNames(ctx.fs);
  const c = containerOf(sys);
  let stdout = '';
  let stderr = '';
  for (const f of files) {
    const abs = ctx.fs.resolvePath(ctx.cwd, f);
    // a folder on the way the user may not search (the host's /root for its learner) refuses the lookup itself
    const refused = await ctx.fs.stat(abs).then(() => false, (err: { code?: string }) => err?.code === 'EACCES');
    const e = refused ? null : await entryOf(ctx, sys, f, abs, follow);
    if (!e) {
      const why = refused ? 'Permission denied' : 'No such file or directory';
      stderr += bb ? `stat: can't stat '${f}': ${why}\n` : `stat: cannot statx '${f}': ${why}\n`;
      continue;
    }
    // devices live on devtmpfs (0,5); a container's root is an overlay mount (anonymous device 0,N; no birth times); the host's is its ext4 disk
    const dev: [number, number] = e.kind === 'char' ? [0, 5] : c ? [0, 60 + (parseInt(c.id.slice(0, 2), 16) % 40)] : [8, 1];
    const look: Look = { e, name: f, user: names.user(e.uid), group: names.group(e.gid), dev, birth: !c };
    if (format !== null) stdout += expand(format, look, bb, escapes) + (escapes ? '' : '\n');
    else if (terse) stdout += expand(TERSE, look, bb, false) + '\n';
    else stdout += report(look, bb);
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
