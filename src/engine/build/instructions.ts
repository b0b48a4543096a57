// AST → typed Dockerfile instructions and build stages, with buildkit's argument checks, flag parsing and lint rules.
import { dict, own } from '../dict';
import { DockerfileError, nodeArgs, parseDockerfile, type Node } from './dockerfile';

export interface KeyValue {
  key: string;
  value: string;
  /** Legacy `ENV key value` form. */
  noDelim: boolean;
}

export interface HealthSpec {
  Test: string[];
  Interval?: number; // ns
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

interface Base {
  /** The keyword as typed (`RUN`, `run`). */
  name: string;
  /** The instruction text as parsed (continuations joined), trimmed. */
  code: string;
  line: number;
  endLine: number;
}

interface CopySpec {
  sources: string[];
  dest: string;
  from: string;
  chown: string;
  chmod: string;
  link: boolean;
  heredocs: { name: string; content: string }[];
}

export type Instruction = Base &
  (
    | { kind: 'env'; pairs: KeyValue[] }
    | { kind: 'label'; pairs: KeyValue[] }
    | { kind: 'maintainer'; value: string }
    | { kind: 'workdir'; value: string }
    | { kind: 'user'; value: string }
    | { kind: 'stopsignal'; value: string }
    | ({ kind: 'copy' } & CopySpec)
    | ({ kind: 'add' } & CopySpec)
    | { kind: 'run'; cmd: string[]; prependShell: boolean; heredocs: { name: string; content: string }[] }
    | { kind: 'cmd'; cmd: string[] | null; prependShell: boolean }
    | { kind: 'entrypoint'; cmd: string[] | null; prependShell: boolean }
    | { kind: 'healthcheck'; health: HealthSpec }
    | { kind: 'expose'; ports: string[] }
    | { kind: 'volume'; volumes: string[] }
    | { kind: 'arg'; args: { key: string; value?: string }[] }
    | { kind: 'shell'; shell: string[] }
    | { kind: 'onbuild'; expression: string }
  );

export interface Stage {
  /** Lower-cased `AS` name, '' when unnamed. */
  name: string;
  baseName: string;
  platform: string;
  code: string;
  line: number;
  commands: Instruction[];
}

export interface LintWarning {
  rule: string;
  message: string;
  line: number;
}

export interface Dockerfile {
  stages: Stage[];
  metaArgs: Extract<Instruction, { kind: 'arg' }>[];
  warnings: LintWarning[];
  escapeToken: string;
  /** Lines of the source (for error excerpts). */
  source: string;
  /** Parser warnings the classic builder prints as `[WARNING]: …`. */
  parserWarnings: string[];
}

const INSTRUCTIONS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];

/** Levenshtein distance (suggest.Search). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** buildkit util/suggest: append ` (did you mean x?)` when an option is within edit distance 2. */
export function suggest(msg: string, val: string, options: string[], caseSensitive: boolean): string {
  const v = caseSensitive ? val : val.toLowerCase();
  let best = '';
  let min = 10;
  for (const o0 of options) {
    const o = caseSensitive ? o0 : o0.toLowerCase();
    const dist = distance(v, o);
    if (dist < min) [min, best] = [dist, o];
  }
  if (!best || min >= 3 || !v) return msg;
  if (!caseSensitive && val === val.toUpperCase()) best = best.toUpperCase();
  return `${msg} (did you mean ${best}?)`;
}

const atLeastOne = (c: string) => new DockerfileError(`${c} requires at least one argument`);
const exactlyOne = (c: string) => new DockerfileError(`${c} requires exactly one argument`);
const noDest = (c: string) => new DockerfileError(`${c} requires at least two arguments, but only one was provided. Destination could not be determined`);

type FlagType = 'bool' | 'string' | 'strings';

/** buildkit BFlags.Parse over the `--x=y` words of an instruction. */
function parseFlags(words: string[], defs: Record<string, FlagType>): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = dict();
  for (const [k, t] of Object.entries(defs)) out[k] = t === 'bool' ? false : t === 'strings' ? [] : '';
  const used = new Set<string>();
  for (const w of words) {
    if (!w.startsWith('--')) throw new DockerfileError(`arg should start with -- : ${w}`);
    if (w === '--') break;
    const eq = w.indexOf('=');
    const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
    const has = eq >= 0;
    const value = has ? w.slice(eq + 1) : '';
    const t = own(defs, name);
    if (!t) throw new DockerfileError(suggest(`unknown flag: --${name}`, name, Object.keys(defs), true));
    if (used.has(name) && t !== 'strings') throw new DockerfileError(`duplicate flag specified: ${name}`);
    used.add(name);
    if (t === 'bool') {
      if (has && value === '') throw new DockerfileError(`missing a value on flag: ${name}`);
      const l = value.toLowerCase();
      if (l !== 'true' && l !== '' && l !== 'false') throw new DockerfileError(`expecting boolean value for flag ${name}, not: ${value}`);
      out[name] = l !== 'false';
    } else {
      if (!has) throw new DockerfileError(`missing a value on flag: ${name}`);
      if (t === 'string') out[name] = value;
      else (out[name] as string[]).push(value);
    }
  }
  return out;
}

const handleJSON = (args: string[], json: boolean) => (args.length === 0 ? [] : json ? args : [args.join(' ')]);

/** Go time.ParseDuration subset (`30s`, `1m30s`, `500ms`) → nanoseconds. */
function parseDuration(flag: string, v: string): number | undefined {
  if (v === '') return undefined;
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(v))) {
    total += parseFloat(m[1]) * units[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== v.length || v === '0') {
    if (v === '0') return 0;
    throw new DockerfileError(`time: invalid duration ${JSON.stringify(v)}`);
  }
  if (total !== 0 && total < 1e6) throw new DockerfileError(`Interval ${JSON.stringify(flag)} cannot be less than 1ms`);
  return total;
}

function parseInstruction(n: Node, lint: (rule: string, msg: string, line: number) => void): Instruction | Stage {
  const name = n.value;
  const args = nodeArgs(n);
  const base = { name, code: n.original.trim(), line: n.startLine, endLine: n.endLine };
  const flags = (defs: Record<string, FlagType> = {}) => parseFlags(n.flags, defs);
  const heredocs = n.heredocs.map((h) => ({ name: h.name, content: h.content }));
  switch (name.toLowerCase()) {
    case 'env':
    case 'label': {
      flags();
      const kind = name.toLowerCase() as 'env' | 'label';
      if (args.length === 0) throw atLeastOne(kind.toUpperCase());
      const pairs: KeyValue[] = [];
      if (args.length % 3 !== 0) throw new DockerfileError(`Bad input to ${kind.toUpperCase()}, too many arguments`);
      for (let j = 0; j < args.length; j += 3) {
        if (!args[j]) throw new DockerfileError(`${kind.toUpperCase()} names can not be blank`);
        pairs.push({ key: args[j], value: args[j + 1] ?? '', noDelim: args[j + 2] === '' });
        if (args[j + 2] === '') lint('LegacyKeyValueFormat', `"${kind.toUpperCase()} key=value" should be used instead of legacy "${kind.toUpperCase()} key value" format`, n.startLine);
      }
      return { ...base, kind, pairs };
    }
    case 'maintainer':
      flags();
      lint('MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label', n.startLine);
      if (args.length !== 1) throw exactlyOne('MAINTAINER');
      return { ...base, kind: 'maintainer', value: args[0] };
    case 'workdir':
    case 'user':
    case 'stopsignal': {
      const kind = name.toLowerCase() as 'workdir' | 'user' | 'stopsignal';
      if (args.length !== 1) throw exactlyOne(kind.toUpperCase());
      flags();
      return { ...base, kind, value: args[0] };
    }
    case 'copy':
    case 'add': {
      const kind = name.toLowerCase() as 'copy' | 'add';
      if (args.length + heredocs.length < 2) throw noDest(kind.toUpperCase());
      const f =
        kind === 'copy'
          ? flags({ chown: 'string', from: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' })
          : flags({ chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings' });
      return { ...base, kind, sources: args.slice(0, -1), dest: args[args.length - 1], from: (f.from as string) ?? '', chown: f.chown as string, chmod: f.chmod as string, link: f.link as boolean, heredocs };
    }
    case 'from': {
      if (args.length === 3 && args[1].toLowerCase() === 'as') {
        if (args[2] !== args[2].toLowerCase()) lint('StageNameCasing', `Stage name '${args[2]}' should be lowercase`, n.startLine);
        const fromUp = name === name.toUpperCase();
        const asUp = args[1] === args[1].toUpperCase();
        if ((fromUp && !asUp) || (name === name.toLowerCase() && args[1] !== args[1].toLowerCase())) lint('FromAsCasing', `'${args[1]}' and '${name}' keywords' casing do not match`, n.startLine);
      }
      let stage = '';
      if (args.length === 3 && args[1].toLowerCase() === 'as') {
        stage = args[2].toLowerCase();
        if (!/^[a-z][a-z0-9-_.]*$/.test(stage)) throw new DockerfileError(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`);
      } else if (args.length !== 1) throw new DockerfileError('FROM requires either one or three arguments');
      const f = flags({ platform: 'string' });
      return { name: stage, baseName: args[0], platform: f.platform as string, code: base.code, line: n.startLine, commands: [] };
    }
    case 'onbuild': {
      if (args.length === 0) throw atLeastOne('ONBUILD');
      flags();
      const trigger = args[0].trim().toUpperCase();
      if (trigger === 'ONBUILD') throw new DockerfileError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new DockerfileError(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = n.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const h of n.next[0]?.children[0]?.heredocs ?? []) expression += '\n' + h.content + h.name;
      return { ...base, kind: 'onbuild', expression };
    }
    case 'run':
      flags({ mount: 'strings', network: 'string', security: 'string' });
      return { ...base, kind: 'run', cmd: handleJSON(args, n.json), prependShell: !n.json, heredocs };
    case 'cmd':
    case 'entrypoint': {
      flags();
      const kind = name.toLowerCase() as 'cmd' | 'entrypoint';
      const cmd = handleJSON(args, n.json);
      return { ...base, kind, cmd: kind === 'entrypoint' && cmd.length === 0 ? null : cmd, prependShell: !n.json };
    }
    case 'healthcheck': {
      if (args.length === 0) throw atLeastOne('HEALTHCHECK');
      const typ = args[0].toUpperCase();
      const rest = args.slice(1);
      if (typ === 'NONE') {
        if (rest.length) throw new DockerfileError('HEALTHCHECK NONE takes no arguments');
        return { ...base, kind: 'healthcheck', health: { Test: ['NONE'] } };
      }
      const f = flags({ interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' });
      if (typ !== 'CMD') throw new DockerfileError(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
      const cmd = handleJSON(rest, n.json);
      if (cmd.length === 0) throw new DockerfileError('Missing command after HEALTHCHECK CMD');
      const health: HealthSpec = { Test: [n.json ? 'CMD' : 'CMD-SHELL', ...cmd] };
      const durations: [string, keyof HealthSpec][] = [['interval', 'Interval'], ['timeout', 'Timeout'], ['start-period', 'StartPeriod'], ['start-interval', 'StartInterval']];
      for (const [flag, key] of durations) {
        const d = parseDuration(flag, f[flag] as string);
        if (d) (health[key] as number) = d;
      }
      const r = f.retries as string;
      if (r !== '') {
        if (!/^[+-]?\d+$/.test(r)) throw new DockerfileError(`strconv.ParseInt: parsing ${JSON.stringify(r)}: invalid syntax`);
        if (parseInt(r, 10) < 0) throw new DockerfileError(`--retries cannot be negative (${parseInt(r, 10)})`);
        health.Retries = parseInt(r, 10);
      }
      return { ...base, kind: 'healthcheck', health };
    }
    case 'expose':
      if (args.length === 0) throw atLeastOne('EXPOSE');
      flags();
      return { ...base, kind: 'expose', ports: [...args].sort() };
    case 'volume': {
      flags();
      if (args.length === 0) throw atLeastOne('VOLUME');
      const volumes = args.map((v) => v.trim());
      if (volumes.some((v) => v === '')) throw new DockerfileError('VOLUME specified can not be an empty string');
      return { ...base, kind: 'volume', volumes };
    }
    case 'arg': {
      if (args.length === 0) throw atLeastOne('ARG');
      flags();
      return { ...base, kind: 'arg', args: args.map((a) => (a.includes('=') ? { key: a.slice(0, a.indexOf('=')), value: a.slice(a.indexOf('=') + 1) } : { key: a })) };
    }
    case 'shell': {
      flags();
      const shell = handleJSON(args, n.json);
      if (shell.length === 0) throw atLeastOne('SHELL');
      if (!n.json) throw new DockerfileError('SHELL requires the arguments to be in JSON form');
      return { ...base, kind: 'shell', shell };
    }
  }
  throw new DockerfileError(suggest(`unknown instruction: ${name}`, name, INSTRUCTIONS, false));
}

/**
 * Parse a Dockerfile into stages (buildkit instructions.Parse). Errors carry buildkit's text, with
 * `dockerfile parse error on line N: ` for instruction-level ones, and the source location.
 */
export function parseInstructions(text: string): Dockerfile {
  if (text.length === 0) throw new DockerfileError('the Dockerfile cannot be empty');
  const ast = parseDockerfile(text);
  const warnings: LintWarning[] = [];
  const lint = (rule: string, message: string, line: number) => warnings.push({ rule, message, line });
  for (const w of ast.warnings) lint('NoEmptyContinuation', 'Empty continuation line', w.line);
  const lower = ast.children.filter((c) => c.value === c.value.toLowerCase()).length;
  const upper = ast.children.filter((c) => c.value === c.value.toUpperCase()).length;
  const majorityLower = lower > upper;
  const stages: Stage[] = [];
  const metaArgs: Dockerfile['metaArgs'] = [];
  for (const n of ast.children) {
    if (majorityLower ? n.value !== n.value.toLowerCase() : n.value !== n.value.toUpperCase()) {
      lint('ConsistentInstructionCasing', `Command '${n.value}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})`, n.startLine);
    }
    let cmd: Instruction | Stage;
    try {
      cmd = parseInstruction(n, lint);
    } catch (e) {
      if (e instanceof DockerfileError) throw new DockerfileError(`dockerfile parse error on line ${n.startLine}: ${e.message}`, n.startLine, n.endLine);
      throw e;
    }
    if ('commands' in cmd) {
      stages.push(cmd);
      continue;
    }
    if (stages.length === 0 && cmd.kind === 'arg') {
      metaArgs.push(cmd);
      continue;
    }
    if (stages.length === 0) throw new DockerfileError('no build stage in current context', n.startLine, n.endLine);
    stages[stages.length - 1].commands.push(cmd);
  }
  lintStages(stages, lint);
  warnings.sort((a, b) => a.line - b.line);
  // `# check=skip=RuleA,RuleB` (or skip=all) turns rules off
  const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(ast.directives.check ?? '')?.[1].split(',').map((x) => x.trim()) ?? [];
  if (skip.length) warnings.splice(0, warnings.length, ...warnings.filter((w) => !skip.includes(w.rule) && !skip.includes('all')));
  return { stages, metaArgs, warnings, escapeToken: ast.escapeToken, source: text, parserWarnings: ast.warnings.map((w) => w.short) };
}

/** Dispatch-time lint rules of dockerfile2llb (per stage). */
function lintStages(stages: Stage[], lint: (rule: string, message: string, line: number) => void) {
  const seen = new Set<string>();
  for (const st of stages) {
    if (st.name && seen.has(st.name)) lint('DuplicateStageName', `Duplicate stage name ${JSON.stringify(st.name)}, stage names should be unique`, st.line);
    if (st.name) seen.add(st.name);
    if (st.name === 'context' || st.name === 'scratch') lint('ReservedStageName', `'${st.name}' is reserved and should not be used as a stage name`, st.line);
    let workdirSet = false;
    let shellSet = false;
    const once: Record<string, Instruction | undefined> = dict();
    for (const c of st.commands) {
      if (c.kind === 'workdir') {
        if (!c.value.startsWith('/') && !c.value.startsWith('$') && !workdirSet) lint('WorkdirRelativePath', `Relative workdir ${JSON.stringify(c.value)} can have unexpected results if the base image changes`, c.line);
        workdirSet = true;
      }
      if (c.kind === 'shell') shellSet = true;
      if (c.kind === 'cmd' || c.kind === 'entrypoint' || c.kind === 'healthcheck') {
        const prev = once[c.kind];
        if (prev) lint('MultipleInstructionsDisallowed', `Multiple ${c.kind.toUpperCase()} instructions should not be used in the same stage because only the last one will be used`, prev.line);
        once[c.kind] = c;
      }
      if ((c.kind === 'cmd' || c.kind === 'entrypoint') && c.prependShell && !shellSet) {
        lint('JSONArgsRecommended', `JSON arguments recommended for ${c.kind.toUpperCase()} to prevent unintended behavior related to OS signals`, c.line);
      }
    }
  }
}
