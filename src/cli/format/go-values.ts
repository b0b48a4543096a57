// Typed Go values a template can meet in docker's API structs: time.Time, time.Duration, pointers and struct layouts.
// They print as Go's fmt prints them and encode as encoding/json does.

/** A Go scalar whose %v text and JSON differ from its JS form (time.Time, time.Duration). */
export abstract class GoScalar {
  abstract text(): string;
  abstract toJSON(): unknown;
  abstract readonly typeName: string;
}

/** time.Time: JSON is RFC 3339 with nanoseconds, %v is time.String() (`2026-12-06 16:29:43.78679761 +0000 UTC`). */
export class GoTime extends GoScalar {
  readonly typeName = 'time.Time';
  constructor(readonly rfc3339: string) {
    super();
  }
  text(): string {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)$/.exec(this.rfc3339);
    if (!m) return this.rfc3339;
    const frac = m[2].includes('.') ? m[2].replace(/0+$/, '').replace(/\.$/, '') : m[2];
    const off = m[3] === 'Z' ? '+0000' : m[3].replace(':', '');
    return `${m[1]} ${frac} ${off} ${m[3] === 'Z' ? 'UTC' : off}`;
  }
  toJSON(): string {
    return this.rfc3339;
  }
}

/** Go's Duration.String(): `1h2m3.5s`, `500ms`, `0s`. */
export function goDurationString(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(Math.round(ns));
  const frac = (v: number, digits: number) => {
    const s = String(v).padStart(digits + 1, '0');
    const whole = s.slice(0, s.length - digits);
    const f = s.slice(s.length - digits).replace(/0+$/, '');
    return f ? `${whole}.${f}` : whole;
  };
  let out: string;
  if (u < 1e9) out = u < 1e3 ? `${u}ns` : u < 1e6 ? `${frac(u, 3)}µs` : `${frac(u, 6)}ms`;
  else {
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    out = (h ? `${h}h` : '') + (h || m ? `${m}m` : '') + `${frac(u, 9)}s`;
  }
  return (neg ? '-' : '') + out;
}

/** time.Duration: JSON is the nanosecond count, %v is Duration.String(). */
export class GoDuration extends GoScalar {
  readonly typeName = 'time.Duration';
  constructor(readonly ns: number) {
    super();
  }
  text(): string {
    return goDurationString(this.ns);
  }
  toJSON(): number {
    return this.ns;
  }
}

const POINTER = Symbol.for('dockerlings.goPointer');
const LAYOUT = Symbol.for('dockerlings.goLayout');

/** One printed field of a struct: a JSON key, a pointer-to-scalar field (prints as an address when set), or an
 *  embedded struct (its fields are the object's own; `ptr`: embedded by pointer). */
export type LayoutItem = string | { field: string; ptr: true } | { embed: Layout; ptr?: boolean };
export type Layout = LayoutItem[];

/** Marks a struct or map object as held by a pointer: fmt prints it `&{…}` at the top and as an address inside. */
export function goPointer<T extends object>(obj: T): T {
  Object.defineProperty(obj, POINTER, { value: true, enumerable: false });
  return obj;
}
export const isGoPointer = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[POINTER] === true;

/** The order fmt prints a struct's fields in (embedded structs nested), when it differs from the object's keys. */
export function setLayout<T extends object>(obj: T, layout: Layout): T {
  Object.defineProperty(obj, LAYOUT, { value: layout, enumerable: false });
  return obj;
}
export const layoutOf = (v: object): Layout | undefined => (v as Record<symbol, Layout | undefined>)[LAYOUT];

/** A stand-in heap address for a pointer printed inside a value (`0xc000123400`); the n-th one printed in a call. */
export const goAddress = (n: number): string => `0xc000${(0x1a0000 + n * 0x1c0).toString(16).padStart(6, '0')}`;

const JSON_ONLY = Symbol.for('dockerlings.jsonOnly');
/** JSON keys of a struct that are not its Go field names (`Dns` of the field `DNS`): a template cannot reach them there. */
export function setJsonOnly<T extends object>(obj: T, keys: string[]): T {
  if (keys.length) Object.defineProperty(obj, JSON_ONLY, { value: new Set(keys), enumerable: false });
  return obj;
}
export const isJsonOnly = (obj: object, key: string): boolean => ((obj as Record<symbol, Set<string> | undefined>)[JSON_ONLY]?.has(key) ?? false);
