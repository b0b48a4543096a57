// Which block each layer is drawn in: its own, or one block for a long run of pulled layers (a base image's middle
// layers), so that a stack of many layers still reads at Fit. A learner's own layers are always drawn one by one.
import type { EngineState, Image } from '../engine/index';

/** Runs at least this long are drawn as one block with a count. */
export const MIN_RUN = 3;

/** The block of each layer of `images`: `layer:<chain ID>`, or `run:<the run's lowest chain ID>`. A run is consecutive
 *  layers of a chain that were pulled (not built, committed or imported here), are no image's top layer and not a base
 *  layer, and are used by the same images: it looks the same from every image that has it, and stays one run while
 *  images are built on it (they use all its layers alike). */
export function layerBlocks(s: EngineState, images: Image[], chainsOf: Map<string, string[]>, users: Map<string, string[]>): Map<string, string> {
  const tops = new Set(images.map((img) => chainsOf.get(img.id)!.at(-1)));
  const out = new Map<string, string>();
  for (const img of images) {
    const chains = chainsOf.get(img.id)!;
    if (chains.every((c) => out.has(c))) continue;
    const plain = (c: string, i: number) => i > 0 && !tops.has(c) && !s.layers[c]?.local;
    const key = (c: string) => users.get(c)!.join('\n');
    let i = 0;
    while (i < chains.length) {
      let j = i + 1;
      if (plain(chains[i], i)) while (j < chains.length && plain(chains[j], j) && key(chains[j]) === key(chains[i])) j++;
      const run = chains.slice(i, j);
      for (const c of run) out.set(c, run.length >= MIN_RUN ? `run:${run[0]}` : `layer:${c}`);
      i = j;
    }
  }
  return out;
}
