// Client-side `-p/--publish` parsing: a port of docker/go-connections nat v0.5.0 ParsePortSpec(s) (Docker 25–28.4).
// docker/cli: cli/command/container/opts.go (nat.ParsePortSpecs)

export type PortProto = 'tcp' | 'udp' | 'sctp';

/** One published port: container `80/tcp` ← host `hostIp:hostPort` (empty ip = all interfaces, empty port = ephemeral). */
export interface PortMapping {
  /** Container port as decimal text, e.g. `'80'`. */
  containerPort: string;
  proto: PortProto;
  hostIp: string;
  /** Host port (`'8080'`), a dynamic range for a single container port (`'8000-8010'`), or `''`. */
  hostPort: string;
}

/** A `-p` value the CLI rejects; `message` is the exact go-connections v0.5.0 text. */
export class PortSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortSpecError';
  }
}

/** strconv.ParseUint(s, 10, 16): decimal digits only, value ≤ 65535 (leading zeros allowed). */
function parseUint16(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const v = Number(s);
  return v <= 0xffff ? v : undefined;
}

/** nat.ParsePortRange: `80` or `8000-8010` (a third `-` part is silently ignored, as in Go). */
export function parsePortRange(ports: string): [number, number] | undefined {
  if (ports === '') return undefined;
  if (!ports.includes('-')) {
    const v = parseUint16(ports);
    return v === undefined ? undefined : [v, v];
  }
  const parts = ports.split('-');
  const start = parseUint16(parts[0]);
  const end = parseUint16(parts[1]);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

/** nat.splitParts: `ip:hostPort:containerPort`, where the ip may itself contain colons. */
function splitParts(raw: string): [ip: string, hostPort: string, containerPort: string] {
  const parts = raw.split(':');
  const n = parts.length;
  const containerPort = parts[n - 1];
  switch (n) {
    case 1:
      return ['', '', containerPort];
    case 2:
      return ['', parts[0], containerPort];
    case 3:
      return [parts[0], parts[1], containerPort];
    default:
      return [parts.slice(0, n - 2).join(':'), parts[n - 2], containerPort];
  }
}

/** nat.SplitProtoPort: `80/udp` → ['udp', '80']; default proto tcp; `''`/`/udp` → ['', '']. */
export function splitProtoPort(raw: string): [proto: string, port: string] {
  const parts = raw.split('/');
  if (raw.length === 0 || parts[0].length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1].length === 0) return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** Go net.SplitHostPort, returning the host or an AddrError text (`address X: why`). */
function splitHostPort(hostport: string): { host: string } | { error: string } {
  const fail = (why: string) => ({ error: `address ${hostport}: ${why}` });
  const i = hostport.lastIndexOf(':');
  if (i < 0) return fail('missing port in address');
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== i) {
      return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    }
    host = hostport.slice(1, end);
    [j, k] = [1, end + 1];
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.slice(j).includes('[')) return fail("unexpected '[' in address");
  if (hostport.slice(k).includes(']')) return fail("unexpected ']' in address");
  return { host };
}

/** netip parseIPv4: exactly four decimal fields 0–255, no leading zeros. */
function isIPv4(s: string): boolean {
  const fields = s.split('.');
  return (
    fields.length === 4 &&
    fields.every((f) => /^(0|[1-9][0-9]{0,2})$/.test(f) && Number(f) <= 255)
  );
}

/** netip parseIPv6 (structure only); zones are rejected because net.ParseIP refuses them. */
function isIPv6(input: string): boolean {
  if (input.includes('%')) return false;
  let s = input;
  let i = 0;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return true;
  }
  while (i < 16) {
    let off = 0;
    while (off < s.length && /[0-9a-fA-F]/.test(s[off])) {
      off++;
      if (off > 4) return false;
    }
    if (off === 0) return false;
    if (off < s.length && s[off] === '.') {
      // Embedded IPv4 must be the last 32 bits.
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16 || !isIPv4(s)) return false;
      i += 4;
      s = '';
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return false;
  return i < 16 ? ellipsis >= 0 : ellipsis < 0;
}

/** Go net.ParseIP(s) != nil. */
export function isValidIP(s: string): boolean {
  for (const c of s) {
    if (c === '.') return isIPv4(s);
    if (c === ':') return isIPv6(s);
    if (c === '%') return false;
  }
  return false;
}

/**
 * nat.ParsePortSpec: parse one `-p` value (`[ip:][hostPort:]containerPort[/proto]`, ranges allowed) into
 * one mapping per container port. Throws PortSpecError with the exact v0.5.0 message.
 */
export function parsePortSpec(rawPort: string): PortMapping[] {
  let [ip, hostPort, containerPort] = splitParts(rawPort);
  let proto: string;
  [proto, containerPort] = splitProtoPort(containerPort);

  if (ip !== '' && ip[0] === '[') {
    // Strip [] from IPv6 addresses.
    const r = splitHostPort(ip + ':');
    if ('error' in r) throw new PortSpecError(`invalid IP address ${ip}: ${r.error}`);
    ip = r.host;
  }
  if (ip !== '' && !isValidIP(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new PortSpecError(`no port specified: ${rawPort}<empty>`);

  const cRange = parsePortRange(containerPort);
  if (!cRange) throw new PortSpecError(`invalid containerPort: ${containerPort}`);
  const [startPort, endPort] = cRange;

  let [startHostPort, endHostPort] = [0, 0];
  if (hostPort.length > 0) {
    const hRange = parsePortRange(hostPort);
    if (!hRange) throw new PortSpecError(`invalid hostPort: ${hostPort}`);
    [startHostPort, endHostPort] = hRange;
  }

  if (hostPort !== '' && endPort - startPort !== endHostPort - startHostPort && endPort !== startPort) {
    // A host range is only allowed against a single container port (it becomes the dynamic range).
    throw new PortSpecError(
      `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
    );
  }

  const lower = proto.toLowerCase();
  if (lower !== 'tcp' && lower !== 'udp' && lower !== 'sctp') {
    throw new PortSpecError(`invalid proto: ${proto}`);
  }

  const out: PortMapping[] = [];
  for (let i = 0; i <= endPort - startPort; i++) {
    if (hostPort.length > 0) hostPort = String(startHostPort + i);
    if (startPort === endPort && startHostPort !== endHostPort) hostPort = `${hostPort}-${endHostPort}`;
    out.push({ containerPort: String(startPort + i), proto: lower, hostIp: ip, hostPort });
  }
  return out;
}

/** Result of nat.ParsePortSpecs: exposed `port/proto` keys (first-seen order) and their host bindings. */
export interface ParsedPortSpecs {
  exposedPorts: string[];
  bindings: Record<string, { hostIp: string; hostPort: string }[]>;
}

/** nat.ParsePortSpecs: parse every `-p` value; bindings for the same `port/proto` accumulate in order. */
export function parsePortSpecs(specs: readonly string[]): ParsedPortSpecs {
  const result: ParsedPortSpecs = { exposedPorts: [], bindings: {} };
  for (const spec of specs) {
    for (const m of parsePortSpec(spec)) {
      const key = `${m.containerPort}/${m.proto}`;
      if (!Object.hasOwn(result.bindings, key)) {
        result.exposedPorts.push(key);
        result.bindings[key] = [];
      }
      result.bindings[key].push({ hostIp: m.hostIp, hostPort: m.hostPort });
    }
  }
  return result;
}
