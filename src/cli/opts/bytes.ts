// Byte sizes as docker's client reads them (go-units RAMInBytes): `512m`, `1.5g`, `100k`, `1GiB`, plain bytes.
/** go-units RAMInBytes (binary multiples, case-insensitive): bytes for `64m`, `1.5g`, `100kb`, `512`, or null. */
export function parseBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i.exec(v);
  if (!m) return null;
  return Math.round(parseFloat(m[1]) * 1024 ** ' kmgtp'.indexOf((m[2] ?? ' ').toLowerCase()));
}

/** go-units v0.5.0 parseSize's error for a size it refuses: no digit at all, or the suffix after the number. */
export function sizeError(v: string): string {
  const sep = Math.max(...[...'0123456789. '].map((c) => v.lastIndexOf(c)));
  if (sep < 0) return `invalid size: '${v}'`;
  const num = v[sep] === ' ' ? v.slice(0, sep) : v.slice(0, sep + 1);
  const sfx = v.slice(sep + 1);
  if (!/^[0-9]*\.?[0-9]+(e[+-]?\d+)?$|^[0-9]+\.$/i.test(num)) return `strconv.ParseFloat: parsing ${JSON.stringify(num)}: invalid syntax`;
  if (parseFloat(num) < 0) return `invalid size: '${v}'`;
  return `invalid suffix: '${sfx.length > 3 ? sfx : sfx.toLowerCase()}'`;
}
