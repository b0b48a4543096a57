// Containers a command removed on its own (--rm once the process exited): the client of an attached `docker run --rm`
// still reads their output and exit code after the command, so the engine hands them over beside the state instead
// of keeping them in it.
import { current, freeze, isDraft } from 'immer';
import type { Container } from './state';

let collecting: Container[] | null = null;

/** Run one command, returning what it returned and the containers it removed (as they were when removed). */
export function collectRemovals<R>(fn: () => R): { result: R; removed: Container[] } {
  const outer = collecting;
  const mine: Container[] = [];
  collecting = mine;
  try {
    return { result: fn(), removed: mine };
  } finally {
    collecting = outer;
  }
}

/** A container was just removed (call after its removal: later changes in the same command are not seen). */
export function noteRemoved(c: Container): void {
  collecting?.push(freeze(isDraft(c) ? current(c) : c, true));
}
