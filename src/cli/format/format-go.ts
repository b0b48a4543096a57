// Go fmt/strconv/encoding-json primitives: exact %e/%f/%g floats, strconv.Quote, %v printing, Sprint/Sprintf, JSON.
// Values are JSON-ish JS data seen through Go's eyes: integer numbers are `int`, other numbers `float64`,
// arrays are `[]interface {}`, plain objects are `map[string]interface {}` (unless marked with goStruct),
// null is a nil interface, undefined is Go's invalid reflect.Value ("<no value>" in templates).

import { GoScalar } from './go-values';

/** Typed Go nils: JSON-encode as `null` but print like Go (`[]`, `map[]`, `<nil>`). */
export class GoNil {
  constructor(readonly kind: 'slice' | 'map' | 'pointer') {}
  toJSON(): null {
    return null;
  }
}
export const NIL_SLICE = new GoNil('slice');
export const NIL_MAP = new GoNil('map');
export const NIL_PTR = new GoNil('pointer');

/** Where a marked object keeps its Go struct type (a symbol: no listing, JSON or template range sees it). */
const GO_TYPE = Symbol.for('dockerlings.goType');
/** Marks an object as a Go struct named `typeName`: a missing field is an exec error, not `<no value>`. */
export function goStruct<T extends object>(obj: T, typeName: string): T {
  Object.defineProperty(obj, GO_TYPE, { value: typeName, enumerable: false });
  return obj;
}
/** A prototype that marks the objects made from it (`{ __proto__: goStructProto(t), … }`) as Go structs named `t`, as
 *  goStruct does: cheaper than marking each of a listing's 1,000 rows. */
export function goStructProto(typeName: string): object {
  return goStruct({}, typeName);
}
export function structType(v: unknown): string | undefined {
  return isObject(v) ? ((v as Record<symbol, unknown>)[GO_TYPE] as string | undefined) : undefined;
}
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNil) && !(v instanceof GoScalar);
}
export function isInt(v: unknown): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63);
}
/** A map's entries' keys, sorted as Go's fmtsort (range order); function (method) and undefined values are not entries. */
export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The Go type name used in error messages (`%!d(string=x)`, "wrong type for value; ... got int"). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return isInt(v) ? 'int' : 'float64';
  if (typeof v === 'function') return 'func';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoScalar) return v.typeName;
  if (v instanceof GoNil) return v.kind === 'slice' ? '[]interface {}' : v.kind === 'map' ? 'map[string]interface {}' : '*interface {}';
  return structType(v) ?? 'map[string]interface {}';
}

// ---------------------------------------------------------------- floats (strconv.FormatFloat)

interface Decimal { d: string; dp: number } // value = 0.d × 10^dp; no trailing zeros; d === '' means zero

function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let e = -1074;
  if (expBits !== 0) {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  const digits = e >= 0 ? (mant << BigInt(e)).toString() : (mant * 5n ** BigInt(-e)).toString();
  const dp = e >= 0 ? digits.length : digits.length + e;
  return trim({ d: digits, dp });
}

function trim(dec: Decimal): Decimal {
  const d = dec.d.replace(/0+$/, '');
  return { d, dp: d === '' ? 0 : dec.dp };
}

/** Go decimal.Round: round to nd digits, exact halves to even. */
function roundTo(dec: Decimal, nd: number): Decimal {
  const { d, dp } = dec;
  if (nd < 0 || nd >= d.length) return dec;
  const next = d.charCodeAt(nd) - 48;
  const up = next === 5 && nd + 1 === d.length ? nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1 : next >= 5;
  if (!up) return trim({ d: d.slice(0, nd), dp });
  let i = nd - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: dp + 1 };
  return { d: d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp };
}

function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, exp] = x.toExponential().split('e');
  return trim({ d: mant.replace('.', ''), dp: Number(exp) + 1 });
}

function fmtE(dec: Decimal, prec: number, ch: string): string {
  let s = dec.d[0] ?? '0';
  if (prec > 0) s += '.' + dec.d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = dec.d === '' ? 0 : dec.dp - 1;
  const a = Math.abs(exp);
  return s + ch + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

function fmtF(dec: Decimal, prec: number): string {
  let s = dec.dp > 0 ? dec.d.slice(0, dec.dp).padEnd(dec.dp, '0') : '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = dec.dp + i - 1;
      s += j >= 0 && j < dec.d.length ? dec.d[j] : '0';
    }
  }
  return s;
}

/** strconv.FormatFloat(x, fmt, prec, 64); prec < 0 means shortest. Returns no sign for positives. */
export function goFormatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let dec: Decimal;
  if (shortest) {
    dec = shortestDecimal(ax);
    prec = fmt === 'e' || fmt === 'E' ? dec.d.length - 1 : fmt === 'f' ? Math.max(dec.d.length - dec.dp, 0) : dec.d.length;
  } else {
    dec = exactDecimal(ax);
    if (fmt === 'e' || fmt === 'E') dec = roundTo(dec, prec + 1);
    else if (fmt === 'f') dec = roundTo(dec, dec.dp + prec);
    else {
      if (prec === 0) prec = 1;
      dec = roundTo(dec, prec);
    }
  }
  let body: string;
  if (fmt === 'e' || fmt === 'E') body = fmtE(dec, prec, fmt);
  else if (fmt === 'f') body = fmtF(dec, prec);
  else {
    let eprec = prec;
    if (eprec > dec.d.length && dec.d.length >= dec.dp) eprec = dec.d.length;
    if (shortest) eprec = 6;
    const exp = dec.dp - 1;
    if (exp < -4 || exp >= eprec) {
      body = fmtE(dec, Math.min(prec, dec.d.length) - 1, fmt === 'g' ? 'e' : 'E');
    } else {
      body = fmtF(dec, Math.max((prec > dec.dp ? dec.d.length : prec) - dec.dp, 0));
    }
  }
  return (neg ? '-' : '') + body;
}

/** Go `fmt.Sprintf("%.*g", p, x)`; p < 0 is %g (shortest). `goFormatG(1000, 3)` is `1e+03`. */
export function goFormatG(x: number, p: number): string {
  return goFormatFloat(x, 'g', p);
}

// ---------------------------------------------------------------- strings

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

function quoteWith(s: string, q: string): string {
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp >= 0xd800 && cp < 0xe000) out += '\\ufffd';
    else out += cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
  }
  return out + q;
}

/** Go strconv.Quote: `"` and `\` escaped, \n \t …, non-printables as \x.. / \u.... / \U........ */
export function goQuote(s: string): string {
  return quoteWith(s, '"');
}
/** Go strconv.QuoteRune. */
export function goQuoteRune(cp: number): string {
  return quoteWith(String.fromCodePoint(cp), "'");
}

const encoder = new TextEncoder();
export const utf8Bytes = (s: string): Uint8Array => encoder.encode(s);
export const utf8Len = (s: string): number => encoder.encode(s).length;
export const utf8Decode = (b: Uint8Array): string => new TextDecoder().decode(b);

// ---------------------------------------------------------------- JSON (encoding/json, SetEscapeHTML(false))

export interface JSONOptions {
  /** Escape `<`, `>`, `&` as \u003c… (Go's default; docker's `{{json}}` turns it off, the daemon's inspect JSON keeps it). */
  escapeHTML?: boolean;
}

/** Strings with nothing to escape (most of them): no quote, backslash, control, HTML, line/paragraph separator or surrogate. */
const PLAIN_JSON = /^[^"\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]*$/;

function jsonString(s: string, html = false): string {
  if (PLAIN_JSON.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (html && (ch === '<' || ch === '>' || ch === '&')) out += '\\u' + hex(cp, 4);
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || cp === 0x2028 || cp === 0x2029) out += '\\u' + hex(cp, 4);
    else if (cp >= 0xd800 && cp < 0xe000) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** Go json.Marshal of JSON-ish data (object keys in insertion order, like a Go struct); HTML escaping off by default. */
export function goJSON(v: unknown, opts: JSONOptions = {}): string {
  return goJSONIndent(v, '', opts);
}

/** Go json.MarshalIndent (`indent` '' = compact): `[]`/`{}` stay compact, `"key": value`. */
export function goJSONIndent(v: unknown, indent = '    ', opts: JSONOptions = { escapeHTML: true }, depth = 0): string {
  const html = opts.escapeHTML ?? false;
  if (depth === 0 && nativeSafe(v)) {
    // the engine's JSON.stringify writes what encoding/json writes for these values, but for the escapes Go adds
    const out = JSON.stringify(v, null, indent);
    if (out !== undefined && !LONE_SURROGATE.test(out)) {
      return out.replace(html ? GO_ESCAPES_HTML : SEPARATORS, goEscape);
    }
  }
  return goJSONByHand(v, indent, html, depth);
}

/** goJSONIndent without the JSON.stringify shortcut (tests compare the two). */
export function goJSONByHand(v: unknown, indent: string, html: boolean, depth = 0): string {
  const w: JSONWriter = { out: '', indent, html, pads: [] };
  writeJSON(w, v, depth);
  return w.out;
}

/** A lone surrogate as JSON.stringify escapes it (encoding/json writes U+FFFD instead): such output is written by hand. */
const LONE_SURROGATE = /\\ud[89a-f]/i;
/** Characters encoding/json escapes and JSON.stringify does not (they occur only inside strings, where both write
 *  them: replacing them in the text is exact). */
const GO_ESCAPES_HTML = /[<>&\u2028\u2029]/g;
const SEPARATORS = /[\u2028\u2029]/g;
const goEscape = (ch: string) => '\\u' + hex(ch.charCodeAt(0), 4);

/** Whether JSON.stringify(v) writes what writeJSON does: plain data whose numbers are finite and print without an
 *  exponent, no bigint or symbol, no toJSON but GoNil's (null), nothing cyclic (writeJSON would not end either). */
function nativeSafe(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'undefined':
    case 'function':
      return true;
    case 'number':
      return Number.isFinite(v) && Math.abs(v) < 1e21; // (as jsonScalar writes them: String(v))
    case 'object': {
      if (v === null || v instanceof GoNil) return true;
      if (Array.isArray(v)) {
        for (const e of v) if (!nativeSafe(e, depth + 1)) return false;
        return true;
      }
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
      for (const k in v) if (Object.hasOwn(v, k) && !nativeSafe((v as Record<string, unknown>)[k], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** What goJSONIndent writes into: one string grown as it goes (no arrays of parts per object), indents made once. */
interface JSONWriter {
  out: string;
  indent: string;
  html: boolean;
  pads: string[];
}

function newline(w: JSONWriter, depth: number): void {
  if (w.indent === '') return;
  w.out += '\n' + (w.pads[depth] ??= w.indent.repeat(depth));
}

function writeJSON(w: JSONWriter, v: unknown, depth: number): void {
  if (Array.isArray(v)) {
    if (v.length === 0) {
      w.out += '[]';
      return;
    }
    w.out += '[';
    for (let i = 0; i < v.length; i++) {
      if (i) w.out += ',';
      newline(w, depth + 1);
      writeJSON(w, v[i] === undefined ? null : v[i], depth + 1);
    }
    newline(w, depth);
    w.out += ']';
    return;
  }
  if (v instanceof GoScalar) {
    writeJSON(w, v.toJSON(), depth);
    return;
  }
  if (typeof v === 'object' && v !== null && !(v instanceof GoNil)) {
    let first = true;
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const e = (v as Record<string, unknown>)[k];
      if (e === undefined || typeof e === 'function') continue;
      w.out += first ? '{' : ',';
      first = false;
      newline(w, depth + 1);
      w.out += jsonString(k, w.html) + (w.indent === '' ? ':' : ': ');
      writeJSON(w, e, depth + 1);
    }
    if (first) w.out += '{}';
    else {
      newline(w, depth);
      w.out += '}';
    }
    return;
  }
  w.out += jsonScalar(v, w.html);
}

function jsonScalar(v: unknown, html: boolean): string {
  if (v === null || v === undefined || v instanceof GoNil) return 'null';
  if (typeof v === 'string') return jsonString(v, html);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return isInt(v) ? (Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString()) : Number.isFinite(v) ? String(v) : '';
  return 'null';
}
