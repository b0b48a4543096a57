// pflag-compatible argv parsing from flag tables, with docker/pflag's exact error texts and `--help` flag listings.
import { parseGoDuration } from './format/go-duration';

export type FlagType = 'bool' | 'string' | 'int' | 'uint' | 'list' | 'filter' | 'duration' | 'bytes' | 'map' | 'stringSlice' | 'float';

/**
 * What a positional argument or a flag's value completes to at the prompt (cobra's ValidArgsFunction and
 * RegisterFlagCompletionFunc): names of one kind of object, host paths, nothing, or fixed values.
 * `objects` is containers, images, networks and volumes together (docker inspect).
 */
export type Completion = 'containers' | 'images' | 'networks' | 'volumes' | 'objects' | 'files' | 'none' | readonly string[];

export interface FlagDef<N extends string = string, T extends FlagType = FlagType> {
  name: N;
  short?: string;
  type: T;
  usage: string;
  default?: string | number | boolean;
  /** Placeholder shown in help instead of the type name (e.g. `ms`); '' hides it. */
  valueName?: string;
  hidden?: boolean;
  /** What the flag's value completes to (none declared: nothing). */
  complete?: Completion;
  /** Declared as docker declares it (help, parsing) but not modelled: setting it is refused (see refusal()). */
  unsupported?: boolean;
}

/** `no-trunc` → `noTrunc`: the options-struct field a flag binds to. */
export type CamelName<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelName<B>>}` : S;

/** The value type a flag type binds to (docker/cli options struct fields): durations and byte sizes stay as typed. */
export type FlagValue<T extends FlagType> = T extends 'bool' ? boolean : T extends 'int' | 'uint' | 'float' ? number : T extends 'list' | 'filter' | 'map' | 'stringSlice' ? string[] : string;

/**
 * A command's parsed options, typed from its flag table: `opts.noTrunc` for `--no-trunc`, so a misspelt flag is a
 * compile error. `changed(name)` says whether the flag was set on the command line (pflag's Changed).
 */
export type Options<F extends readonly FlagDef[]> = { readonly [D in F[number] as CamelName<D['name']>]: FlagValue<D['type']> } & {
  changed(name: F[number]['name']): boolean;
};

/** A flag table with its names and types kept literal, for Options<typeof TABLE>. */
export function defineFlags<const F extends readonly FlagDef[]>(defs: F): F {
  return defs;
}

export const camelName = (name: string): string => name.replace(/-([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());

/** The flags a run set and the flags it read (a set flag that was never read was accepted and dropped). */
export interface FlagTrace {
  set: Set<string>;
  read: Set<string>;
}

/** Where a bound options object keeps its parsed flags and trace (the getters live on a prototype per flag table). */
const PARSED = Symbol('parsed');
const TRACE = Symbol('trace');
interface Bound {
  [PARSED]: ParsedFlags;
  [TRACE]?: FlagTrace;
}

/** Per flag table, a prototype with one getter per flag (built once: a command is bound on every run). */
const prototypes = new WeakMap<readonly FlagDef[], object>();

function optionsPrototype(defs: readonly FlagDef[]): object {
  let proto = prototypes.get(defs);
  if (proto) return proto;
  proto = {};
  for (const d of defs) {
    const name = d.name;
    const read: (p: ParsedFlags) => unknown =
      d.type === 'bool' ? (p) => p.bool(name) : d.type === 'int' || d.type === 'uint' || d.type === 'float' ? (p) => p.int(name) : REPEATABLE.includes(d.type) ? (p) => p.list(name) : (p) => p.string(name);
    Object.defineProperty(proto, camelName(name), {
      get(this: Bound) {
        this[TRACE]?.read.add(name);
        return read(this[PARSED]);
      },
      enumerable: true,
    });
  }
  prototypes.set(defs, proto);
  return proto;
}

/** Bind parsed flags to a typed options object whose getters record in `trace` which flags the command read. */
export function bindOptions<F extends readonly FlagDef[]>(defs: F, parsed: ParsedFlags, trace?: FlagTrace): Options<F> {
  const opts = Object.create(optionsPrototype(defs)) as Bound & Record<string, unknown>;
  opts[PARSED] = parsed;
  opts[TRACE] = trace;
  if (trace) for (const d of defs) if (parsed.changed(d.name)) trace.set.add(d.name);
  opts.changed = (name: string) => {
    trace?.read.add(name);
    return parsed.changed(name);
  };
  return opts as unknown as Options<F>;
}

/** The one wording for a declared flag the simulator does not model (a usage error: exit 125, help hint). */
export function refusal(def: FlagDef): FlagError {
  return new Refusal(`docker: --${def.name} is not supported by this simulator.`);
}

/** A flag value the simulator cannot honour (the flag itself works for other values): same form as refusal(). */
export function refuseValue(flag: string, value: string, why: string): FlagError {
  return new Refusal(`docker: --${flag}=${value} is not supported by this simulator: ${why}.`);
}

/** What `--help` adds to an unsupported flag's usage line. */
export const UNSUPPORTED_NOTE = ' (not supported by this simulator)';

/** A usage error: docker prints it, then `See 'docker X --help'.`, and exits 125. */
export class FlagError extends Error {}

/** A flag (or value) the simulator refuses: the same usage-error form wherever it is raised, plugins included. */
export class Refusal extends FlagError {}

export interface ParsedFlags {
  /** Whether the flag was set on the command line. */
  changed(name: string): boolean;
  bool(name: string): boolean;
  string(name: string): string;
  int(name: string): number;
  /** Repeatable flags (list, filter, map): every value in order. */
  list(name: string): string[];
}

const REPEATABLE: FlagType[] = ['list', 'filter', 'map', 'stringSlice'];

function goQuoteSimple(s: string) {
  return JSON.stringify(s);
}

function convert(def: FlagDef, raw: string, display: string): string | number | boolean {
  const bad = (why: string) => new FlagError(`invalid argument ${goQuoteSimple(raw)} for "${display}" flag: ${why}`);
  switch (def.type) {
    case 'bool': {
      const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
      const f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
      if (t.includes(raw)) return true;
      if (f.includes(raw)) return false;
      throw bad(`strconv.ParseBool: parsing ${goQuoteSimple(raw)}: invalid syntax`);
    }
    case 'int':
    case 'uint': {
      if (!/^[+-]?\d+$/.test(raw) || (def.type === 'uint' && raw.startsWith('-'))) throw bad(`strconv.Parse${def.type === 'int' ? 'Int' : 'Uint'}: parsing ${goQuoteSimple(raw)}: invalid syntax`);
      return parseInt(raw, 10);
    }
    case 'duration': {
      try {
        parseGoDuration(raw);
      } catch (e) {
        throw bad((e as Error).message);
      }
      return raw;
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw bad(`strconv.ParseFloat: parsing ${goQuoteSimple(raw)}: invalid syntax`);
      return parseFloat(raw);
    }
    default:
      return raw;
  }
}

export interface ParseResult {
  flags: ParsedFlags;
  args: string[];
  help: boolean;
}

/** A flag table's flags by name and by shorthand, built once per table. */
const tableLookups = new WeakMap<readonly FlagDef[], { byName: Map<string, FlagDef>; byShort: Map<string, FlagDef> }>();
function lookups(defs: readonly FlagDef[]) {
  let l = tableLookups.get(defs);
  if (!l) tableLookups.set(defs, (l = { byName: new Map(defs.map((d) => [d.name, d])), byShort: new Map(defs.filter((d) => d.short).map((d) => [d.short!, d])) }));
  return l;
}

/**
 * Parse argv against a flag table like spf13/pflag: `-abc` groups, `-p80`, `-e=x`, `--x=y`, `--x y`,
 * `--` ends flags; with interspersed=false the first positional argument ends flag parsing (docker run/exec).
 */
export function parseFlags(argv: string[], defs: readonly FlagDef[], interspersed = true): ParseResult {
  const { byName, byShort } = lookups(defs);
  const values = new Map<string, unknown[]>();
  let help = false;
  const args: string[] = [];
  const set = (def: FlagDef, raw: string, display: string) => {
    if (def.unsupported) throw refusal(def);
    const v = convert(def, raw, display);
    const cur = values.get(def.name) ?? [];
    values.set(def.name, REPEATABLE.includes(def.type) ? [...cur, v] : [v]);
  };
  const display = (d: FlagDef) => (d.short ? `-${d.short}, --${d.name}` : `--${d.name}`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) {
        if (name === 'help') {
          help = true;
          continue;
        }
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (eq >= 0) set(def, a.slice(eq + 1), display(def));
      else if (def.type === 'bool') set(def, 'true', display(def));
      else if (i + 1 < argv.length) set(def, argv[++i], display(def));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length) {
        const c = rest[0];
        const def = byShort.get(c);
        if (!def) {
          if (c === 'h') {
            help = true;
            rest = rest.slice(1);
            continue;
          }
          throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
        }
        if (rest.length > 2 && rest[1] === '=') {
          set(def, rest.slice(2), display(def));
          rest = '';
        } else if (def.type === 'bool') {
          set(def, 'true', display(def));
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          set(def, rest.slice(1), display(def));
          rest = '';
        } else if (i + 1 < argv.length) {
          set(def, argv[++i], display(def));
          rest = '';
        } else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  const get = (name: string) => {
    const def = byName.get(name);
    if (!def) throw new Error(`flag ${name} not defined`);
    const v = values.get(name);
    return { def, v };
  };
  const flags: ParsedFlags = {
    changed: (n) => values.has(n),
    bool: (n) => {
      const { def, v } = get(n);
      return v ? (v[v.length - 1] as boolean) : ((def.default as boolean) ?? false);
    },
    string: (n) => {
      const { def, v } = get(n);
      return v ? String(v[v.length - 1]) : def.default === undefined ? '' : String(def.default);
    },
    int: (n) => {
      const { def, v } = get(n);
      return v ? (v[v.length - 1] as number) : ((def.default as number) ?? 0);
    },
    list: (n) => {
      const { v } = get(n);
      return (v ?? []).map(String);
    },
  };
  return { flags, args, help };
}

const TYPE_NAMES: Record<FlagType, string> = { bool: '', string: 'string', int: 'int', uint: 'uint', list: 'list', filter: 'filter', duration: 'duration', bytes: 'bytes', map: 'map', stringSlice: 'strings', float: 'float' };

/** pflag FlagUsages: `  -a, --all   usage (default x)` aligned on the longest flag column. */
export function flagUsages(defs: readonly FlagDef[]): string {
  const rows: [string, string][] = [];
  for (const d of [...defs].filter((x) => !x.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    let line = d.short ? `  -${d.short}, --${d.name}` : `      --${d.name}`;
    const vn = d.valueName ?? TYPE_NAMES[d.type];
    if (vn) line += ' ' + vn;
    let usage = d.usage;
    if (d.default !== undefined && d.default !== '' && d.default !== false && d.default !== 0) {
      usage += d.type === 'string' ? ` (default ${JSON.stringify(String(d.default))})` : ` (default ${d.default})`;
    }
    if (d.unsupported) usage += UNSUPPORTED_NOTE;
    rows.push([line, usage]);
  }
  const max = Math.max(0, ...rows.map(([l]) => l.length)) + 1;
  // pflag wrap(maxlen+2, 0, usage): continuation lines of a multi-line usage align under its first line
  return rows.map(([l, u]) => `${l} ${' '.repeat(max - l.length)} ${u.replace(/\n/g, '\n' + ' '.repeat(max + 2))}`).join('\n');
}
