// Null-prototype string maps: every table keyed by a user-typed string (names, labels, options, filters, env) is
// one, so keys such as __proto__, constructor or toString are ordinary keys and never reach Object.prototype.
// immer drafts and copies null-prototype objects like plain ones and keeps their (absent) prototype.

export type Dict<T> = Record<string, T>;

/** A new null-prototype map holding the own enumerable entries of each source, later sources winning. */
export function dict<T>(...sources: (Readonly<Record<string, T>> | Iterable<readonly [string, T]> | null | undefined)[]): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  for (const src of sources) {
    if (!src) continue;
    if (Symbol.iterator in src) {
      for (const [k, v] of src as Iterable<readonly [string, T]>) out[k] = v;
    } else {
      for (const k of Object.keys(src)) out[k] = (src as Record<string, T>)[k];
    }
  }
  return out;
}

/** The value stored under key k itself (never one inherited from a prototype), or undefined. */
export function own<T>(o: Readonly<Record<string, T>> | null | undefined, k: string): T | undefined {
  return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** Whether k is a key of o itself. */
export function hasOwn(o: object | null | undefined, k: string): boolean {
  return !!o && Object.prototype.hasOwnProperty.call(o, k);
}
