// Deep copy of plain state data, safe on immer drafts (structuredClone cannot copy a draft proxy), that keeps each
// object's prototype: null-prototype maps (dict.ts) stay null-prototype, which structuredClone would not do.
import { current, isDraft } from 'immer';

function deep<T>(x: T): T {
  if (Array.isArray(x)) return x.map(deep) as T;
  if (!x || typeof x !== 'object') return x;
  const proto = Object.getPrototypeOf(x);
  if (proto !== null && proto !== Object.prototype) return structuredClone(x);
  const out = Object.create(proto) as Record<string, unknown>;
  // defineProperty, not assignment: an own "__proto__" key stays a key
  for (const k of Object.keys(x)) Object.defineProperty(out, k, { value: deep((x as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out as T;
}

export function clone<T>(x: T): T {
  return deep(isDraft(x) ? (current(x as object) as T) : x);
}

/** JSON.parse whose objects are all null-prototype maps (archives a learner can craft: keys are data, never prototypes). */
export function parseJsonData(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v));
}
