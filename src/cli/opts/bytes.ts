// Byte sizes as docker's client reads them (go-units RAMInBytes): `512m`, `1.5g`, `100k`, plain bytes.
/** Bytes for `512m`, `1.5g`, `100kb`, `2048` (binary units, case-insensitive), or null when it is not a size. */
export function parseBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)b?$/i.exec(v.trim());
  if (!m) return null;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[m[2].toLowerCase() as '' | 'k'];
  return Math.round(parseFloat(m[1]) * mult);
}
