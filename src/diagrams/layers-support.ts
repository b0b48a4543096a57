// What the layer diagram needs from the engine, in one place.
export { chainIds, parseRef, tagsOf } from '../engine/index';

/** Sizes as `docker history` prints them (3 significant digits, decimal units). */
export function humanLayerSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${i === 0 ? n : Number(n.toPrecision(3))}${units[i]}`;
}
