// Deep copy of plain state data, safe on immer drafts (structuredClone cannot copy a draft proxy).
import { current, isDraft } from 'immer';

export function clone<T>(x: T): T {
  return structuredClone(isDraft(x) ? (current(x as object) as T) : x);
}
