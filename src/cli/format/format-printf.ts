// Go fmt printing of JSON-ish values: %v (arrays `[a b]`, maps `map[k:v]`), Sprint, Sprintln and Sprintf.
import { GoScalar, goAddress, isGoPointer, layoutOf, type Layout } from './go-values';
import { GoNil, goFormatFloat, goQuote, goQuoteRune, goTypeName, isInt, isObject, sortedKeys, structType, utf8Bytes } from './format-go';

interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | null;
  prec: number | null;
}
const NOFLAGS: Flags = { minus: false, plus: false, sharp: false, space: false, zero: false, width: null, prec: null };

function pad(s: string, f: Flags, zeroOk = true): string {
  if (f.width === null) return s;
  const n = f.width - [...s].length;
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  return (f.zero && zeroOk ? '0' : ' ').repeat(n) + s;
}

/** Pads a signed number: zero padding goes between the sign and the digits. */
function padNumber(sign: string, body: string, f: Flags): string {
  if (f.zero && !f.minus && f.width !== null && f.width > sign.length + body.length) {
    return sign + '0'.repeat(f.width - sign.length - body.length) + body;
  }
  return pad(sign + body, f, false);
}

function badVerb(verb: string, v: unknown, f: Flags): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${printValue(v, 'v', f, 0)})`;
}

function fmtInteger(v: number | bigint, verb: string, f: Flags): string {
  const n = BigInt(v);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
  if (verb === 'c') return pad(String.fromCodePoint(Number(abs)), f);
  if (verb === 'q') return pad(goQuoteRune(Number(abs)), f);
  if (verb === 'U') return pad('U+' + abs.toString(16).toUpperCase().padStart(4, '0'), f);
  if ('eEfFgG'.includes(verb)) return fmtFloat(Number(v), verb, f);
  const base = bases[verb];
  if (!base) return badVerb(verb, v, f);
  let digits = abs.toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  if (f.prec !== null) {
    digits = f.prec === 0 && abs === 0n ? '' : digits.padStart(f.prec, '0');
  } else if (f.zero && !f.minus && f.width !== null) {
    digits = digits.padStart(f.width - sign.length, '0');
  }
  let prefix = '';
  if (f.sharp) prefix = verb === 'x' ? '0x' : verb === 'X' ? '0X' : verb === 'o' && digits[0] !== '0' ? '0' : verb === 'b' ? '0b' : '';
  if (verb === 'O') prefix = '0o';
  return pad(sign + prefix + digits, f, false);
}

function fmtFloat(x: number, verb: string, f: Flags): string {
  const fmt = verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb;
  if (!'eEfgG'.includes(fmt)) return badVerb(verb, x, f);
  const prec = f.prec ?? (fmt === 'g' || fmt === 'G' ? -1 : 6);
  const num = goFormatFloat(x, fmt as 'e' | 'E' | 'f' | 'g' | 'G', prec);
  if (num.endsWith('Inf') || num === 'NaN') return pad(num === 'NaN' && (f.plus || f.space) ? (f.plus ? '+' : ' ') + num : num, f, false);
  const neg = num.startsWith('-');
  return padNumber(neg ? '-' : f.plus ? '+' : f.space ? ' ' : '', neg ? num.slice(1) : num, f);
}

function fmtString(s: string, verb: string, f: Flags): string {
  if (f.prec !== null && (verb === 's' || verb === 'v' || verb === 'q')) s = [...s].slice(0, f.prec).join('');
  switch (verb) {
    case 'v':
    case 's':
      return pad(s, f);
    case 'q':
      return pad(goQuote(s), f);
    case 'x':
    case 'X': {
      let h = [...utf8Bytes(s)].map((b) => b.toString(16).padStart(2, '0')).join(f.space ? ' ' : '');
      if (verb === 'X') h = h.toUpperCase();
      return pad(h, f);
    }
    default:
      return badVerb(verb, s, f);
  }
}

/** Go fmt printValue: one operand formatted with `verb` and flags; depth > 0 inside slices/maps. */
function printValue(v: unknown, verb: string, f: Flags, depth: number): string {
  if (v === null || v === undefined) {
    if (depth > 0) return '<nil>';
    return verb === 'v' ? pad('<nil>', f) : badVerb(verb, v, f);
  }
  if (v instanceof GoNil) return v.kind === 'slice' ? '[]' : v.kind === 'map' ? 'map[]' : pad('<nil>', f);
  switch (typeof v) {
    case 'boolean':
      return verb === 'v' || verb === 't' ? pad(String(v), f) : badVerb(verb, v, f);
    case 'bigint':
      return fmtInteger(v, verb, f);
    case 'number':
      return isInt(v) ? fmtInteger(v, verb, f) : fmtFloat(v, verb, f);
    case 'string':
      return fmtString(v, verb, f);
    case 'function':
      return verb === 'v' ? pad('0x1', f) : badVerb(verb, v, f);
  }
  if (v instanceof GoScalar) return verb === 'v' || verb === 's' ? pad(v.text(), f) : badVerb(verb, v.text(), f);
  // a pointer inside a value prints as its address; at the top, a pointer to a struct or map prints as &value
  if (depth > 0 && isGoPointer(v)) return goAddress(addresses++);
  const amp = isGoPointer(v) && !derefTop ? '&' : '';
  derefTop = false;
  if (Array.isArray(v)) return '[' + v.map((e) => printValue(e, verb, f, depth + 1)).join(' ') + ']';
  if (isObject(v)) {
    const layout = layoutOf(v);
    if (layout) return amp + printLayout(v, layout, verb, f, depth);
    if (structType(v)) {
      // every field in declaration order, also those json leaves out (non-enumerable omitempty fields)
      const fields = Object.getOwnPropertyNames(v).map((k) => v[k]).filter((e) => typeof e !== 'function');
      return amp + '{' + fields.map((e) => printValue(e, verb, f, depth + 1)).join(' ') + '}';
    }
    const parts = sortedKeys(v).map((k) => printValue(k, verb, f, depth + 1) + ':' + printValue(v[k], verb, f, depth + 1));
    return amp + 'map[' + parts.join(' ') + ']';
  }
  return badVerb(verb, String(v), f);
}

/** A struct printed by its Go layout: fields in declaration order, embedded structs nested, pointer fields as addresses. */
function printLayout(v: Record<string, unknown>, layout: Layout, verb: string, f: Flags, depth: number): string {
  const parts = layout.map((item) => {
    if (typeof item === 'string') return printValue(v[item], verb, f, depth + 1);
    if ('field' in item) return v[item.field] === null || v[item.field] === undefined || v[item.field] instanceof GoNil ? '<nil>' : goAddress(addresses++);
    return item.ptr ? goAddress(addresses++) : printLayout(v, item.embed, verb, f, depth + 1);
  });
  return '{' + parts.join(' ') + '}';
}

/** How many addresses the current print has shown (each pointer gets its own), and whether the top value is a
 *  template's output, which text/template dereferences before printing (printableValue). */
let addresses = 0;
let derefTop = false;

/** fmt.Sprint(v): Go's default `%v` text for one value; `template`: as text/template prints a pipeline's value. */
export function sprintValue(v: unknown, template = false): string {
  addresses = 0;
  derefTop = template;
  return printValue(v, 'v', NOFLAGS, 0);
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  addresses = 0;
  derefTop = false;
  let out = '';
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += printValue(a, 'v', NOFLAGS, 0);
    prevString = isString;
  });
  return out;
}

/** fmt.Sprintln: operands always space-separated, newline appended. */
export function sprintln(args: unknown[]): string {
  addresses = 0;
  derefTop = false;
  return args.map((a) => printValue(a, 'v', NOFLAGS, 0)).join(' ') + '\n';
}

/** fmt.Sprintf with flags `-+# 0`, width, precision (`*` too) and verbs v s q d t x X o b c U e E f F g G T %. */
export function sprintf(format: string, args: unknown[]): string {
  addresses = 0;
  derefTop = false;
  let out = '';
  let argi = 0;
  let i = 0;
  const takeInt = (): number | null => {
    const a = args[argi];
    if (argi >= args.length || !isInt(a)) {
      argi++;
      return null;
    }
    argi++;
    return Number(a);
  };
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f: Flags = { ...NOFLAGS };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') (f.minus = true), (f.zero = false);
      else if (c === ' ') f.space = true;
      else break;
    }
    if (format[i] === '*') {
      i++;
      f.width = takeInt();
      if (f.width === null) out += '%!(BADWIDTH)';
      else if (f.width < 0) (f.minus = true), (f.zero = false), (f.width = -f.width);
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) (f.width = Number(m[0])), (i += m[0].length);
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        f.prec = takeInt();
        if (f.prec === null || f.prec < 0) (f.prec = null), (out += '%!(BADPREC)');
      } else {
        const m = /^\d*/.exec(format.slice(i))!;
        f.prec = Number(m[0] || '0');
        i += m[0].length;
      }
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argi++];
    out += verb === 'T' ? pad(arg === null || arg === undefined ? '<nil>' : goTypeName(arg), f) : printValue(arg, verb, f, 0);
  }
  if (argi < args.length) {
    const extra = args.slice(argi).map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${sprintValue(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
