// Helpers shared by engine tests: an engine with images pulled, and a daemon error as `kind: message`.
import { createEngine, isDockerError, type Engine } from './index';

/** A fresh engine (seeded) with these images pulled. */
export function engineWith(seed: number, ...images: string[]): Engine {
  const e = createEngine({ seed });
  for (const i of images) e.image.pull(i);
  return e;
}

/** What a daemon call throws, as `kind: message`; 'no error' when it succeeds (other errors propagate). */
export function daemonError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isDockerError(e)) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return 'no error';
}
