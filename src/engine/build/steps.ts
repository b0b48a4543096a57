// What each Dockerfile instruction does to the image being built: config changes, history texts (BuildKit and classic), COPY/ADD files.
import { dict } from '../dict';
import type { ContainerConfig, FileTable, FsNode, HistoryEntry } from '../state';
import type { Instruction } from './instructions';
import { DockerfileError } from './dockerfile';
import { processWord, type Env } from './shell-lex';
import { lookup, normPath, walk, writeNode } from '../layers';
import { sha256Hex } from '../ids';

/** The image a stage is building, step by step (plain data). */
export interface StageState {
  index: number;
  config: ContainerConfig;
  diffIds: string[];
  history: HistoryEntry[];
  author: string;
  /** Classic builder: the current (intermediate) image ID; '' for scratch. */
  imageId: string;
  /** BuildKit: the cache key of the state so far. */
  key: string;
  /** ARGs declared in this stage: name → value (undefined: declared without a value). */
  args: Record<string, string | undefined>;
  /** Declaration order of the ARGs (the `|N K=V` prefix of RUN history). */
  argOrder: string[];
  cmdSet: boolean;
  cmdIndex: number;
  cmdTotal: number;
}

export const DEFAULT_SHELL = ['/bin/sh', '-c'];
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Go `%q` of a []string: `["nginx" "-g" "daemon off;"]`. */
export function goQuoteList(list: string[]): string {
  return '[' + list.map((s) => JSON.stringify(s)).join(' ') + ']';
}

/** Environment for word expansion and RUN: declared ARGs (with values) overridden by ENV. */
export function stageEnv(st: StageState): Env {
  const env: Env = dict();
  for (const k of st.argOrder) if (st.args[k] !== undefined) env[k] = st.args[k]!;
  for (const e of st.config.Env) {
    const i = e.indexOf('=');
    env[i < 0 ? e : e.slice(0, i)] = i < 0 ? '' : e.slice(i + 1);
  }
  return env;
}

/** ARGs with values that RUN sees (and that BuildKit/classic put in RUN's history as `|N K=V …`). */
export function runArgs(st: StageState): string[] {
  return st.argOrder.filter((k) => st.args[k] !== undefined).map((k) => `${k}=${st.args[k]}`);
}

function setEnv(config: ContainerConfig, key: string, value: string) {
  const i = config.Env.findIndex((e) => e.split('=')[0] === key);
  if (i >= 0) config.Env[i] = `${key}=${value}`;
  else config.Env.push(`${key}=${value}`);
}

/** A config for FROM scratch (BuildKit gives scratch images a default PATH). */
export function emptyConfig(classic: boolean): ContainerConfig {
  return {
    Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false,
    Env: classic ? [] : [DEFAULT_PATH], Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null,
  };
}

/** A port spec as EXPOSE stores it (`80` → `80/tcp`, ranges expanded); throws on bad specs. */
function exposedPorts(spec: string): string[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec);
  if (!m) throw new DockerfileError(`invalid containerPort: ${spec.split('/')[0]}`);
  const proto = (m[3] ?? 'tcp').toLowerCase();
  const lo = parseInt(m[1], 10);
  const hi = m[2] ? parseInt(m[2], 10) : lo;
  const out: string[] = [];
  for (let p = lo; p <= hi; p++) out.push(`${p}/${proto}`);
  return out;
}

/** Go `%q` of a HealthcheckConfig pointer (BuildKit's history text for HEALTHCHECK). */
function healthString(h: NonNullable<ContainerConfig['Healthcheck']>): string {
  const dur = (ns?: number) => JSON.stringify(ns ? goDuration(ns) : '0s');
  const r = h.Retries ?? 0;
  const retries = r >= 0x20 && r < 0x7f ? `'${String.fromCharCode(r)}'` : `'\\x${r.toString(16).padStart(2, '0')}'`;
  return `&{${goQuoteList(h.Test)} ${dur(h.Interval)} ${dur(h.Timeout)} ${dur(h.StartPeriod)} ${dur(h.StartInterval)} ${retries}}`;
}

function goDuration(ns: number): string {
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${ns / 1e3}µs`;
  if (ns < 1e9) return `${ns / 1e6}ms`;
  let s = ns / 1e9;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h ? h + 'h' : ''}${h || m ? m + 'm' : ''}${+s.toFixed(9)}s`;
}

/**
 * Apply a metadata instruction (no filesystem change) to the stage; returns the history texts
 * `[buildkit, classic]` (classic: the `#(nop)` comment; '' = no history entry), or null when the
 * instruction is not a metadata one.
 */
export function applyMeta(st: StageState, c: Instruction, env: Env, escape: string, buildArgs: Record<string, string>, metaEnv: Env = {}): [string, string] | null {
  const cfg = st.config;
  const w = (s: string) => processWord(s, env, escape);
  const shell = cfg.Shell ?? DEFAULT_SHELL;
  switch (c.kind) {
    case 'env': {
      const pairs = c.pairs.map((p) => [w(p.key), w(p.value)] as const);
      for (const [k, v] of pairs) setEnv(cfg, k, v);
      const text = 'ENV ' + pairs.map(([k, v]) => `${k}=${v}`).join(' ');
      return [text, text];
    }
    case 'label': {
      const pairs = c.pairs.map((p) => [w(p.key), w(p.value)] as const);
      cfg.Labels = dict(cfg.Labels);
      for (const [k, v] of pairs) cfg.Labels[k] = v;
      const text = 'LABEL ' + pairs.map(([k, v]) => `${k}=${v}`).join(' ');
      return [text, text];
    }
    case 'maintainer':
      st.author = w(c.value);
      return [`MAINTAINER ${st.author}`, `MAINTAINER ${st.author}`];
    case 'user':
      cfg.User = w(c.value);
      return [`USER ${cfg.User}`, `USER ${cfg.User}`];
    case 'stopsignal':
      cfg.StopSignal = w(c.value);
      return [`STOPSIGNAL ${cfg.StopSignal}`, `STOPSIGNAL ${cfg.StopSignal}`];
    case 'cmd': {
      const cmd = c.prependShell && c.cmd ? [...shell, ...c.cmd] : (c.cmd ?? []);
      cfg.Cmd = cmd;
      st.cmdSet = true;
      return [`CMD ${goQuoteList(cmd)}`, `CMD ${goQuoteList(cmd)}`];
    }
    case 'entrypoint': {
      const ep = c.cmd === null ? null : c.prependShell ? [...shell, ...c.cmd] : c.cmd;
      cfg.Entrypoint = ep;
      if (!st.cmdSet) cfg.Cmd = null;
      return [`ENTRYPOINT ${goQuoteList(ep ?? [])}`, `ENTRYPOINT ${goQuoteList(ep ?? [])}`];
    }
    case 'healthcheck': {
      const h = c.health.Test[0] === 'NONE' ? { Test: ['NONE'] } : { ...c.health };
      cfg.Healthcheck = h;
      return [`HEALTHCHECK ${healthString(h)}`, `HEALTHCHECK ${healthString(h)}`];
    }
    case 'expose': {
      const ports = c.ports.flatMap((p) => exposedPorts(w(p)));
      cfg.ExposedPorts = { ...(cfg.ExposedPorts ?? {}) };
      for (const p of ports) cfg.ExposedPorts[p] = {};
      const map = [...new Set(ports)].sort().map((p) => `${p}:{}`).join(' ');
      return [`EXPOSE map[${map}]`, `EXPOSE ${c.ports.map(w).join(' ')}`];
    }
    case 'volume': {
      const vols = c.volumes.map(w);
      cfg.Volumes = { ...(cfg.Volumes ?? {}) };
      for (const v of vols) cfg.Volumes[v] = {};
      return [`VOLUME [${vols.join(' ')}]`, `VOLUME [${vols.join(' ')}]`];
    }
    case 'shell':
      cfg.Shell = [...c.shell];
      return [`SHELL [${c.shell.join(' ')}]`, `SHELL [${c.shell.join(' ')}]`];
    case 'onbuild':
      cfg.OnBuild = [...(cfg.OnBuild ?? []), c.expression];
      return [`ONBUILD ${c.expression}`, `ONBUILD ${c.expression}`];
    case 'arg': {
      const texts: string[] = [];
      for (const kv of c.args) {
        let v: string | undefined = Object.hasOwn(buildArgs, kv.key) ? buildArgs[kv.key] : kv.value !== undefined ? w(kv.value) : undefined;
        // redeclaring an ARG from before the first FROM (without a value) brings its value into the stage
        if (v === undefined && Object.hasOwn(metaEnv, kv.key)) v = metaEnv[kv.key];
        if (!st.argOrder.includes(kv.key)) st.argOrder.push(kv.key);
        st.args[kv.key] = v;
        texts.push(v === undefined ? kv.key : `${kv.key}=${v}`);
      }
      return [`ARG ${texts.join(' ')}`, `ARG ${texts.join(' ')}`];
    }
    default:
      return null;
  }
}

/** Where a WORKDIR points: relative paths are resolved against the current working directory. */
export function workdirPath(cfg: ContainerConfig, value: string): string {
  return normPath(value.startsWith('/') ? value : (cfg.WorkingDir || '/') + '/' + value);
}

export interface CopySource {
  /** Files of the source (context or another stage/image), rooted at `/`. */
  stack: FileTable[];
  /** Context archives ADD unpacks. */
  archives?: Record<string, FileTable>;
}

export interface CopyResult {
  upper: FileTable;
  /** Content checksum of the sources (cache key; classic `file:<hash>` comment). */
  checksum: string;
  kind: 'file' | 'dir' | 'multi';
}

/** Glob match of one path component set (`*`, `?`, `[...]`), like Go filepath.Match. */
function globRe(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = pattern.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, j).replace(/^!/, '^') + ']';
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** Context paths a COPY source names (wildcards expanded); [] when nothing matches. */
export function matchSources(stack: FileTable[], src: string): string[] {
  const p = normPath('/' + src);
  if (!/[*?[]/.test(p)) return lookup(stack, p) ? [p] : [];
  const re = globRe(p);
  const depth = p.split('/').length;
  return walk(stack).filter((x) => x.split('/').length === depth && re.test(x));
}

/**
 * COPY/ADD: the new layer's files. Directories copy their contents; a file goes to `dest`, or into it when
 * `dest` ends with `/` or is a directory. ADD unpacks local tar archives. Throws `not found` with the path.
 */
export function copyFiles(
  lower: FileTable[],
  cfg: ContainerConfig,
  sources: string[],
  dest: string,
  src: CopySource,
  opts: { add: boolean; chmod: string; mtime: number },
): CopyResult {
  const upper: FileTable = {};
  const stack = () => [upper, ...lower];
  let destPath = dest.startsWith('/') ? dest : (cfg.WorkingDir || '/') + '/' + dest;
  const destDir = /\/$/.test(dest) || dest === '.' || sources.length > 1 || lookup(lower, destPath)?.type === 'dir';
  destPath = normPath(destPath);
  const mode = opts.chmod ? parseInt(opts.chmod, 8) : undefined;
  const hash: string[] = [];
  let kind: CopyResult['kind'] = sources.length > 1 ? 'multi' : 'file';
  const put = (path: string, n: FsNode) => writeNode(upper, lower, path, n.type === 'file' && mode !== undefined ? { ...n, mode } : n);
  const ensureDir = (path: string) => {
    if (!lookup(stack(), path)) put(path, { type: 'dir', mode: 0o755, mtime: opts.mtime });
  };
  for (const s of sources) {
    const matches = matchSources(src.stack, s);
    if (matches.length === 0) throw new DockerfileError(`${JSON.stringify(normPath('/' + s))}: not found`);
    if (matches.length > 1) kind = 'multi';
    for (const m of matches) {
      const node = lookup(src.stack, m)!;
      if (opts.add && node.type === 'file' && src.archives?.[m]) {
        const into = destPath;
        ensureDir(into);
        for (const [p, n] of Object.entries(src.archives[m])) put(normPath(into + p), n);
        hash.push('archive:' + m + ':' + sha256Hex(node.content));
        continue;
      }
      if (node.type === 'dir') {
        if (sources.length === 1 && matches.length === 1) kind = 'dir';
        ensureDir(destPath);
        for (const p of walk(src.stack, m)) {
          const n = lookup(src.stack, p)!;
          put(normPath(destPath + p.slice(m === '/' ? 0 : m.length)), n);
          hash.push(p.slice(m.length) + ':' + nodeHash(n));
        }
        continue;
      }
      const target = destDir ? normPath(destPath + '/' + m.slice(m.lastIndexOf('/') + 1)) : destPath;
      if (destDir) ensureDir(destPath);
      put(target, node);
      hash.push(m.slice(m.lastIndexOf('/') + 1) + ':' + nodeHash(node));
    }
  }
  return { upper, checksum: sha256Hex(hash.join('\n') + '\n' + (opts.chmod ?? '')), kind };
}

function nodeHash(n: FsNode): string {
  if (n.type === 'file') return `f${n.mode.toString(8)}:${sha256Hex(n.content)}`;
  if (n.type === 'symlink') return `l:${n.target}`;
  if (n.type === 'dir') return `d${n.mode.toString(8)}`;
  return 'w';
}
