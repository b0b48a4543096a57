// `ip`, `ifconfig`, `route`, `brctl show`, `sysctl` and `hostname` over a namespace's interfaces and routes.
import type { CommandContext } from 'just-bash';
import { netmask, type Iface, type Route } from './net-ifaces';
import type { ExecResult } from './net-util';

export type IpFlavor = 'busybox' | 'busybox-musl' | 'iproute2';

const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });

function flags(i: Iface, flavor: IpFlavor): string {
  const f: string[] = [];
  if (i.up && !i.carrier) f.push('NO-CARRIER');
  f.push(i.loopback ? 'LOOPBACK' : 'BROADCAST');
  if (!i.loopback) f.push('MULTICAST');
  f.push('UP');
  if (i.carrier) f.push('LOWER_UP');
  // busybox looks the peer up in its own namespace, finds nothing, and calls it down (M-DOWN)
  if (i.peer !== undefined && i.netnsid === undefined && flavor !== 'iproute2') f.push('M-DOWN');
  return `<${f.join(',')}>`;
}

function linkLine(i: Iface, flavor: IpFlavor, linkOnly: boolean): string {
  const name = i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
  const state = i.loopback ? 'UNKNOWN' : i.carrier ? 'UP' : 'DOWN';
  let l = `${i.index}: ${name}: ${flags(i, flavor)} mtu ${i.mtu} qdisc ${i.qdisc} `;
  if (i.master) l += `master ${i.master} `;
  if (flavor === 'iproute2') l += `state ${state} ${linkOnly ? 'mode DEFAULT ' : ''}group default ${i.qlen ? `qlen ${i.qlen}` : ''}`;
  else {
    if (flavor === 'busybox-musl') l += `state ${state} `;
    if (i.qlen) l += `qlen ${i.qlen}`;
  }
  const brd = i.loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  const extra = flavor === 'iproute2' && (i.netnsid !== undefined || (i.peer !== undefined && i.name.startsWith('eth'))) ? ` link-netnsid ${i.netnsid ?? 0}` : '';
  return `${l}\n    link/${i.loopback ? 'loopback' : 'ether'} ${i.mac} brd ${brd}${extra}\n`;
}

function addrLines(i: Iface, flavor: IpFlavor, family?: 'inet' | 'inet6'): string {
  let out = '';
  for (const a of i.addrs) {
    if (family && a.family !== family) continue;
    let l = `    ${a.family} ${a.addr}/${a.prefix} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} `;
    if (a.family === 'inet') l += i.name;
    else if (a.addr === '::1' && flavor === 'iproute2') l += 'noprefixroute ';
    out += `${l}\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}

function routeLine(r: Route, flavor: IpFlavor): string {
  if (flavor === 'iproute2') return `${r.dst}${r.via ? ` via ${r.via}` : ''} dev ${r.dev} ${r.proto && r.dst !== 'default' ? `proto ${r.proto} scope link ` : r.proto === 'static' ? 'proto static ' : ''}${r.src ? `src ${r.src} ` : ''}${r.linkdown ? 'linkdown ' : ''}\n`;
  return r.dst === 'default' ? `default via ${r.via} dev ${r.dev} \n` : `${r.dst} dev ${r.dev} scope link  src ${r.src} \n`;
}

/** `ip [-4|-6] addr|link|route [show [dev X]]`. */
export function ipCmd(args: string[], ifs: Iface[], routes: Route[], flavor: IpFlavor): ExecResult {
  const rest = args.filter((a) => !a.startsWith('-'));
  const family = args.includes('-4') ? 'inet' : args.includes('-6') ? 'inet6' : undefined;
  const obj = rest[0] ?? '';
  const devIdx = rest.indexOf('dev');
  const dev = devIdx >= 0 ? rest[devIdx + 1] : rest[1] && rest[1] !== 'show' && rest[1] !== 'list' ? rest[1] : rest[2];
  const pick = dev ? ifs.filter((i) => i.name === dev) : ifs;
  if (dev && !pick.length) return { stdout: '', stderr: flavor === 'iproute2' ? `Device "${dev}" does not exist.\n` : `ip: can't find device '${dev}'\n`, exitCode: 1 };
  if (flavor === 'iproute2' && (args.includes('-br') || args.includes('-brief')) && obj) {
    const state = (i: Iface) => (i.loopback ? 'UNKNOWN' : i.carrier ? 'UP' : 'DOWN');
    const name = (i: Iface) => (i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name);
    if ('link'.startsWith(obj)) return ok(pick.map((i) => `${name(i).padEnd(16)} ${state(i).padEnd(14)} ${i.mac} <${flags(i, flavor).slice(1, -1).replace('NO-CARRIER,', 'NO-CARRIER,')}> \n`).join(''));
    return ok(pick.map((i) => `${name(i).padEnd(16)} ${state(i).padEnd(14)} ${i.addrs.filter((a) => !family || a.family === family).map((a) => `${a.addr}/${a.prefix} `).join('')}\n`).join(''));
  }
  if (!obj || 'address'.startsWith(obj) || obj === 'addr') {
    if (!obj && flavor !== 'iproute2') return { stdout: '', stderr: 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n', exitCode: 1 };
    if (!obj) return { stdout: '', stderr: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n', exitCode: 255 };
    const shown = pick.filter((i) => !family || i.addrs.some((a) => a.family === family));
    // -o (-oneline): one line per address, "N: NAME" first and the continuation joined with a backslash
    if (args.includes('-o') || args.includes('-oneline')) return ok(shown.map((i) => addrLines(i, flavor, family).replace(/^    (.*)\n {7}(.*)\n/gm, `${i.index}: ${i.name}    $1\\       $2\n`)).join(''));
    return ok(shown.map((i) => linkLine(i, flavor, false) + addrLines(i, flavor, family)).join(''));
  }
  if ('link'.startsWith(obj)) return ok(pick.map((i) => linkLine(i, flavor, true)).join(''));
  if ('route'.startsWith(obj)) return ok(routes.map((r) => routeLine(r, flavor)).join(''));
  if (flavor === 'iproute2') return { stdout: '', stderr: `Object "${obj}" is unknown, try "ip help".\n`, exitCode: 1 };
  return { stdout: '', stderr: `ip: unknown object '${obj}'\n`, exitCode: 1 };
}

/** busybox / net-tools `route [-n]`. */
export function routeCmd(args: string[], routes: Route[], flavor: 'busybox' | 'net-tools'): ExecResult {
  const numeric = args.includes('-n');
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of routes) {
    const [dst, bits] = r.dst === 'default' ? ['0.0.0.0', 0] : [r.dst.split('/')[0], Number(r.dst.split('/')[1])];
    const d = r.dst === 'default' && !numeric ? 'default' : dst;
    const gw = r.via ?? (numeric || flavor === 'net-tools' ? '0.0.0.0' : '*');
    out += `${d.padEnd(15).slice(0, 15)} ${gw.padEnd(15).slice(0, 15)} ${netmask(bits).padEnd(16)}${(r.via ? 'UG' : 'U').padEnd(6)}0      0   ${'0'.padStart(6)} ${r.dev}\n`;
  }
  return ok(out);
}

const B = (n: number) => `${n} (${n}.0 B)`;

/** busybox ifconfig (all up interfaces, lo last as busybox lists alphabetically). */
export function ifconfigCmd(ifs: Iface[], flavor: 'busybox' | 'net-tools'): ExecResult {
  const sorted = [...ifs].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flavor === 'net-tools') {
    return ok(sorted.map((i) => {
      const v4 = i.addrs.find((a) => a.family === 'inet');
      const v6 = i.addrs.filter((a) => a.family === 'inet6');
      const fl = i.loopback ? 'flags=73<UP,LOOPBACK,RUNNING>' : 'flags=4163<UP,BROADCAST,RUNNING,MULTICAST>';
      return `${i.name}: ${fl}  mtu ${i.mtu}\n` + (v4 ? `        inet ${v4.addr}  netmask ${netmask(v4.prefix)}${v4.brd ? `  broadcast ${v4.brd}` : ''}\n` : '') + v6.map((a) => `        inet6 ${a.addr}  prefixlen ${a.prefix}  scopeid ${a.scope === 'host' ? '0x10<host>' : '0x20<link>'}\n`).join('') + (i.loopback ? `        loop  txqueuelen ${i.qlen}  (Local Loopback)\n` : `        ether ${i.mac}  txqueuelen ${i.qlen}  (Ethernet)\n`) + '        RX packets 0  bytes 0 (0.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 0  bytes 0 (0.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n';
    }).join(''));
  }
  return ok(sorted.map((i) => {
    const v4 = i.addrs.find((a) => a.family === 'inet');
    const v6 = i.addrs.filter((a) => a.family === 'inet6');
    const head = i.loopback ? `${i.name.padEnd(10)}Link encap:Local Loopback  \n` : `${i.name.padEnd(10)}Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n`;
    const inet = v4 ? `          inet addr:${v4.addr}${v4.brd ? `  Bcast:${v4.brd}` : ''}  Mask:${netmask(v4.prefix)}\n` : '';
    const inet6 = v6.map((a) => `          inet6 addr: ${a.addr}/${a.prefix} Scope:${a.scope === 'host' ? 'Host' : 'Link'}\n`).join('');
    const fl = i.loopback ? '          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n' : `          UP BROADCAST RUNNING MULTICAST  MTU:${i.mtu}  Metric:1\n`;
    return head + inet + inet6 + fl + `          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:${i.qlen} \n          RX bytes:${B(0)}  TX bytes:${B(0)}\n\n`;
  }).join(''));
}

/** `brctl show`: bridges and their ports, sorted by name (bridge-utils prints with tabs). */
export function brctlCmd(args: string[], ifs: Iface[]): ExecResult {
  if (args[0] !== 'show') return { stdout: '', stderr: `never heard of command [${args[0] ?? ''}]\nUsage: brctl [commands]\n`, exitCode: 1 };
  const bridges = ifs.filter((i) => i.name === 'docker0' || i.name.startsWith('br-') || ifs.some((p) => p.master === i.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  let out = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  for (const b of bridges.filter((x) => !args[1] || x.name === args[1])) {
    const ports = ifs.filter((p) => p.master === b.name).map((p) => p.name).sort();
    out += `${b.name}\t\t8000.${b.mac.replace(/:/g, '')}\tno\t\t${ports.length ? ports.join('\n\t\t\t\t\t\t\t') + '\n' : '\n'}`;
  }
  return ok(out);
}

export const SYSCTL_DEFAULTS: Record<string, string> = {
  'kernel.hostname': 'dockerlings',
  'net.bridge.bridge-nf-call-ip6tables': '1',
  'net.bridge.bridge-nf-call-iptables': '1',
  'net.ipv4.conf.all.forwarding': '1',
  'net.ipv4.ip_forward': '1',
  'net.ipv4.ip_forward_update_priority': '1',
  'net.ipv4.ip_forward_use_pmtu': '0',
  'net.ipv4.ip_local_port_range': '32768\t60999',
  'net.ipv6.conf.all.forwarding': '0',
};

/** procps sysctl: read keys, -a, -n, -w key=value (writes go to the engine; ip_forward decides routing). */
export function sysctlCmd(args: string[], values: Record<string, string>, write: (k: string, v: string) => void, ctx?: CommandContext): ExecResult {
  void ctx;
  const all = { ...SYSCTL_DEFAULTS, ...values };
  const n = args.includes('-n');
  const words = args.filter((a) => !a.startsWith('-'));
  if (args.includes('-a') || args.includes('-A')) return ok(Object.keys(all).sort().map((k) => (n ? `${all[k]}\n` : `${k} = ${all[k]}\n`)).join(''));
  if (!words.length) return { stdout: '', stderr: '\nUsage:\n sysctl [options] [variable[=value] ...]\n', exitCode: 255 };
  let out = '';
  let err = '';
  for (const w of words) {
    const [k, v] = w.includes('=') ? [w.slice(0, w.indexOf('=')).trim(), w.slice(w.indexOf('=') + 1).trim()] : [w, undefined];
    if (!(k in all)) {
      err += `sysctl: cannot stat /proc/sys/${k.replace(/\./g, '/')}: No such file or directory\n`;
      continue;
    }
    if (v !== undefined) {
      write(k, v);
      out += n ? `${v}\n` : `${k} = ${v}\n`;
    } else out += n ? `${all[k]}\n` : `${k} = ${all[k]}\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 255 : 0 };
}
