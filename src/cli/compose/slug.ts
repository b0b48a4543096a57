// The random suffix of a one-off `compose run` container's name, drawn from the simulation's clock, not Math.random.

/** 12 hex digits, as compose's `stringid.GenerateRandomID()[:12]`; the same seed and history give the same name. */
export function randomSlug(seed: number): string {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  let out = '';
  for (let i = 0; i < 12; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    out += (x >>> 28).toString(16);
  }
  return out;
}
