// Deep copy of plain state data, safe on immer drafts (structuredClone cannot copy a draft proxy), that keeps each
// object's prototype: null-prototype maps (dict.ts) stay null-prototype, which structuredClone would not do.
import { current, isDraft } from 'immer';

function deep<T>(x: T): T {
  if (Array.isArray(x)) return x.map(deep) as T;
  if (!x || typeof x !== 'object') return x;
  const proto = Object.getPrototypeOf(x);
  if (proto !== null && proto !== Object.prototype) return structuredClone(x);
  const out = Object.create(proto) as Record<string, unknown>;
  // defineProperty, not assignment, for a key Object.prototype has: an own "__proto__" key stays a key, and `toString`
  // (frozen in the tests) is not an assignment to the inherited one; any other key takes plain (faster) assignment
  for (const k of Object.keys(x)) {
    const v = deep((x as Record<string, unknown>)[k]);
    if (proto === null || !(k in Object.prototype)) out[k] = v;
    else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

export function clone<T>(x: T): T {
  return deep(isDraft(x) ? (current(x as object) as T) : x);
}

/** JSON.parse whose objects are all null-prototype maps (archives a learner can craft: keys are data, never prototypes). */
export function parseJsonData(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v));
}

/**
 * Deep-freeze plain data made during a command (plain objects and arrays), as immer's auto-freeze would when the command
 * ends, but in one pass: immer then finds it frozen and neither walks it for drafts nor freezes it again. A part that
 * holds a draft (immer must still put the final value in its place), a Map or a Set is left to immer, and so is each
 * object above it. Returns whether `x` is frozen now.
 */
export function freezePlain(x: unknown): boolean {
  if (!x || typeof x !== 'object') return true;
  if (Object.isFrozen(x) || ArrayBuffer.isView(x)) return true;
  if (isDraft(x)) return false;
  let all = true;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (!freezePlain(x[i])) all = false;
  } else {
    const proto = Object.getPrototypeOf(x);
    if (proto !== null && proto !== Object.prototype) return false;
    for (const k in x) if (!freezePlain((x as Record<string, unknown>)[k])) all = false;
  }
  if (all) Object.freeze(x);
  return all;
}
