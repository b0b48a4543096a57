// pflag-compatible argv parsing from flag tables, with docker/pflag's exact error texts and `--help` flag listings.
import { parseGoDuration } from './go-duration';

export type FlagType = 'bool' | 'string' | 'int' | 'uint' | 'list' | 'filter' | 'duration' | 'bytes' | 'map' | 'stringSlice' | 'float';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  usage: string;
  default?: string | number | boolean;
  /** Placeholder shown in help instead of the type name (e.g. `ms`); '' hides it. */
  valueName?: string;
  hidden?: boolean;
}

/** A usage error: docker prints it, then `See 'docker X --help'.`, and exits 125. */
export class FlagError extends Error {}

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

/**
 * Parse argv against a flag table like spf13/pflag: `-abc` groups, `-p80`, `-e=x`, `--x=y`, `--x y`,
 * `--` ends flags; with interspersed=false the first positional argument ends flag parsing (docker run/exec).
 */
export function parseFlags(argv: string[], defs: FlagDef[], interspersed = true): ParseResult {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, unknown[]>();
  let help = false;
  const args: string[] = [];
  const set = (def: FlagDef, raw: string, display: string) => {
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
export function flagUsages(defs: FlagDef[]): string {
  const rows: [string, string][] = [];
  for (const d of [...defs].filter((x) => !x.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    let line = d.short ? `  -${d.short}, --${d.name}` : `      --${d.name}`;
    const vn = d.valueName ?? TYPE_NAMES[d.type];
    if (vn) line += ' ' + vn;
    let usage = d.usage;
    if (d.default !== undefined && d.default !== '' && d.default !== false && d.default !== 0) {
      usage += d.type === 'string' ? ` (default ${JSON.stringify(String(d.default))})` : ` (default ${d.default})`;
    }
    rows.push([line, usage]);
  }
  const max = Math.max(0, ...rows.map(([l]) => l.length)) + 1;
  // pflag wrap(maxlen+2, 0, usage): continuation lines of a multi-line usage align under its first line
  return rows.map(([l, u]) => `${l} ${' '.repeat(max - l.length)} ${u.replace(/\n/g, '\n' + ' '.repeat(max + 2))}`).join('\n');
}
