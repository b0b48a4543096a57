// Engine code and data loaded on demand: modules in chunks of their own (dynamic imports), read synchronously once loaded.
// Reading one before its chunk is loaded throws ImageDataNeeded; the command that read it changes nothing (one
// transaction), and its async caller loads the chunk and runs it again (cli/image-data.ts withImageData).

/**
 * Thrown (inside a command, which then changes nothing) when it reaches catalog data or program code whose chunk is
 * not loaded yet: the caller awaits loadImageData(chunks) and runs the command again. Not a docker error: the learner
 * never sees it.
 */
export class ImageDataNeeded extends Error {
  constructor(readonly chunks: string[]) {
    super(`image data not loaded: ${chunks.join(', ')}`);
    this.name = 'ImageDataNeeded';
  }
}

type Slot = { load: () => Promise<unknown>; value?: unknown };

/** The modules of each named chunk (several engine folders may put a module in the same chunk). */
const slots = new Map<string, Slot[]>();

/**
 * A module of the named chunk, loaded with the chunk: `const db = lazyModule('programs-db', () => import(…))`
 * at a module's top level, then `db().fn(…)` inside a command. Before the chunk is loaded `db()` throws
 * ImageDataNeeded(['programs-db']).
 */
export function lazyModule<T>(chunk: string, load: () => Promise<T>): () => T {
  const slot: Slot = { load };
  const list = slots.get(chunk);
  if (list) list.push(slot);
  else slots.set(chunk, [slot]);
  return () => {
    if (!('value' in slot)) throw new ImageDataNeeded([chunk]);
    return slot.value as T;
  };
}

/** Is this the name of a chunk of engine code (not of the catalog's image data)? */
export const isCodeChunk = (chunk: string): boolean => slots.has(chunk);

/** Is every module of this chunk loaded? */
export const codeChunkLoaded = (chunk: string): boolean => (slots.get(chunk) ?? []).every((s) => 'value' in s);

/** Load every module of a code chunk (those not loaded yet). */
export async function loadCodeChunk(chunk: string): Promise<void> {
  const list = slots.get(chunk);
  if (!list) throw new Error(`engine: no code chunk ${chunk}`);
  await Promise.all(list.filter((s) => !('value' in s)).map(async (s) => (s.value = await s.load())));
}

/** The names of the code chunks (tests load them all). */
export const codeChunkNames = (): string[] => [...slots.keys()];
