// IPv4 arithmetic for IPAM, routing and packet matching: parse/format addresses and CIDRs, containment, masks.

/** Dotted quad → unsigned 32-bit integer, or null when it is not a valid IPv4 address. */
export function ipToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((sh) => (n >>> sh) & 255).join('.');
}

export interface Cidr {
  /** Network address (host bits cleared). */
  base: number;
  bits: number;
  /** The address as written (host bits possibly set). */
  addr: number;
}

export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** `172.18.0.0/16` → Cidr; a bare address is a /32. Null when invalid. */
export function parseCidr(text: string): Cidr | null {
  const [ip, b, extra] = text.split('/');
  if (extra !== undefined) return null;
  const addr = ipToInt(ip);
  const bits = b === undefined ? 32 : /^\d{1,2}$/.test(b) ? Number(b) : NaN;
  if (addr === null || !(bits >= 0 && bits <= 32)) return null;
  return { base: (addr & maskOf(bits)) >>> 0, bits, addr };
}

export function cidrText(c: { base: number; bits: number }): string {
  return `${intToIp(c.base)}/${c.bits}`;
}

export function inCidr(ip: number, c: { base: number; bits: number }): boolean {
  return ((ip & maskOf(c.bits)) >>> 0) === c.base;
}

/** Whether two networks share any address. */
export function overlaps(a: { base: number; bits: number }, b: { base: number; bits: number }): boolean {
  const bits = Math.min(a.bits, b.bits);
  return ((a.base & maskOf(bits)) >>> 0) === ((b.base & maskOf(bits)) >>> 0);
}

export function broadcastOf(c: { base: number; bits: number }): number {
  return (c.base | (~maskOf(c.bits) >>> 0)) >>> 0;
}

/** Does text `ip` lie in CIDR text `subnet`? */
export function ipInSubnet(ip: string, subnet: string): boolean {
  const n = ipToInt(ip);
  const c = parseCidr(subnet);
  return n !== null && c !== null && inCidr(n, c);
}

/** Engine ≤27 MAC rule (netutils.GenerateMACFromIP): 02:42 followed by the four address bytes. */
export function macFromIp(ip: string): string {
  const n = ipToInt(ip) ?? 0;
  return ['02', '42', ...[24, 16, 8, 0].map((sh) => ((n >>> sh) & 255).toString(16).padStart(2, '0'))].join(':');
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}
