// Engine commands that pull run through withImageData: a missing catalog chunk is loaded and the command run again.
import { ImageDataNeeded, loadImageData } from '../engine/index';

/**
 * Run a synchronous engine call; when it stops with ImageDataNeeded (it changed nothing: every command is one
 * transaction), load the chunks it names and run it again. The first pull of an image waits for its files here.
 */
export async function withImageData<R>(call: () => R): Promise<R> {
  let last = '';
  for (;;) {
    try {
      return call();
    } catch (e) {
      if (!(e instanceof ImageDataNeeded)) throw e;
      const key = e.chunks.join(',');
      if (key === last) throw e; // loading did not provide them: a catalog bug, not a retry loop
      last = key;
      await loadImageData(e.chunks);
    }
  }
}
