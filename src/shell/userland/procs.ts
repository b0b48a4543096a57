// The simulated process tables: a container's PID namespace (main process, daemon workers, execs) and the host's.
import type { Container, Engine } from '../../engine/index';
import { liveExecs, loopChild } from '../../engine/index';
import { bootTime, containerOf, type Sys } from './sys';
import { containerById, allContainers } from '../../engine/index';

export interface Proc {
  pid: number;
  ppid: number;
  user: string;
  uid: number;
  tty: string; // 'pts/0' or '?'
  stat: string;
  start: number; // ms since epoch
  cpuSeconds: number;
  vsz: number; // KiB
  rss: number; // KiB
  comm: string;
  args: string;
  kernel?: boolean;
}

/** Exec processes and PIDs handed out per container (the engine keeps only exec IDs). Keyed by engine. */
interface PidSpace {
  startedAt: number;
  next: number;
  execs: Map<string, { pid: number; argv: string[]; tty: number | null; start: number }>;
}
const spaces = new WeakMap<Engine, Map<string, PidSpace>>();
const hostNext = new WeakMap<Engine, number>();

function space(engine: Engine, c: Container): PidSpace {
  let m = spaces.get(engine);
  if (!m) spaces.set(engine, (m = new Map()));
  let s = m.get(c.id);
  if (!s || s.startedAt !== c.state.startedAt) {
    const children = programChildren(c).map((p) => p.pid);
    s = { startedAt: c.state.startedAt, next: Math.max(1, ...children) + 6 + (c.hostConfig.Init ? 6 : 0), execs: new Map() };
    m.set(c.id, s);
  }
  return s;
}

/** The PID counters of one engine's userland (a session checkpoint keeps them: they live outside the engine state). */
export function pidCounters(engine: Engine): unknown {
  return structuredClone({ spaces: spaces.get(engine) ?? new Map(), host: hostNext.get(engine) });
}

/** Put counters taken by pidCounters back, for another engine (a session restored from a checkpoint). */
export function setPidCounters(engine: Engine, saved: unknown): void {
  const { spaces: m, host } = structuredClone(saved) as { spaces: Map<string, PidSpace>; host: number | undefined };
  spaces.set(engine, m);
  if (host === undefined) hostNext.delete(engine);
  else hostNext.set(engine, host);
}

/** `docker exec`: the new process gets the next PID in the container (and a pts if it has a tty). */
export function noteExec(engine: Engine, containerId: string, execId: string, argv: string[], tty: boolean) {
  const c = containerById(engine.state, containerId);
  if (!c) return;
  const s = space(engine, c);
  const ttys = [...s.execs.values()].map((e) => e.tty ?? 0);
  s.execs.set(execId, { pid: s.next++, argv, tty: tty ? Math.max(c.config.Tty ? 0 : -1, ...ttys) + 1 : null, start: engine.now() });
}

/** A short-lived process (ps itself) takes the next PID. */
export function nextPid(engine: Engine, c: Container | null): number {
  if (!c) {
    const n = hostNext.get(engine) ?? 3127;
    hostNext.set(engine, n + 1);
    return n;
  }
  return space(engine, c).next++;
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Resident sizes of well-known programs (KiB), so ps aux looks like a real system. */
const MEM: Record<string, [number, number]> = {
  bash: [4588, 3840], sh: [2800, 1536], dash: [2800, 1536], ash: [1684, 1024], busybox: [1684, 1024], ps: [7888, 4096], top: [8860, 4992],
  nginx: [11404, 7424], 'redis-server': [139112, 12928], httpd: [6220, 4480], sleep: [2792, 1536], mongod: [1098060, 67340],
  registry: [723852, 18944], stress: [7332, 1024],
};
const mem = (comm: string): [number, number] => MEM[comm] ?? [2304, 1280];

/** Workers and titles of the daemons the engine runs (nginx logs "start worker process 29"/"30"). */
function programChildren(c: Container): { pid: number; user: string; comm: string; args: string; vsz: number; rss: number }[] {
  switch (c.process?.program) {
    case 'nginx':
      return [29, 30].map((pid) => ({ pid, user: 'nginx', comm: 'nginx', args: 'nginx: worker process', vsz: 11872, rss: 2876 }));
    case 'httpd':
      return [7, 8, 9].map((pid) => ({ pid, user: 'www-data', comm: 'httpd', args: 'httpd -DFOREGROUND', vsz: 1998368, rss: 3584 }));
    default:
      return [];
  }
}

function mainTitle(c: Container): { user: string; args: string } {
  // an entrypoint script (docker-entrypoint.sh nginx …) ends in `exec "$@"`: the daemon's own argv is what runs
  const prog = c.process?.program ?? '';
  const argv = base(c.path) !== prog && c.args.length && base(c.args[0]) === prog ? c.args : [c.path, ...c.args];
  const user = c.config.User || 'root';
  switch (c.process?.program) {
    case 'nginx':
      return { user: 'root', args: `nginx: master process ${argv.join(' ')}` };
    case 'redis-server':
      return { user: 'redis', args: 'redis-server *:6379' };
    case 'mongod':
      return { user: 'mongodb', args: 'mongod --bind_ip_all' };
    case 'httpd':
      return { user: 'root', args: 'httpd -DFOREGROUND' };
    default:
      return { user, args: argv.join(' ') };
  }
}

/** Who is asking: PID 1 itself, an exec process, or a shell in one of them (ps then runs as its child). */
export interface Caller {
  execId?: string;
  /** The caller runs ps directly as its own program (`docker run ubuntu ps`, `docker exec c ps`). */
  isPs: boolean;
}

/** `self` is the program asking (ps or top): it is the caller process itself when that process runs it directly. */
export function callerOf(sys: Sys, self = 'ps'): Caller {
  const argv0 = sys.process?.argv?.[0] ?? '';
  return { execId: sys.process?.execId, isPs: base(argv0) === self };
}

/** The container's PID namespace as ps sees it; with psArgs, the last entry is ps itself. */
export function containerProcs(sys: Sys, c: Container, caller: Caller, psArgs: string[] | null, self = 'ps'): Proc[] {
  const engine = sys.engine;
  const s = space(engine, c);
  const now = sys.now();
  const start = c.state.startedAt || now;
  const uidOf = (u: string) => (u === 'root' || u === '0' ? 0 : /^\d+$/.test(u) ? parseInt(u, 10) : u === 'nginx' ? 101 : u === 'redis' ? 999 : u === 'www-data' ? 33 : 1000);
  const procs: Proc[] = [];
  const main = mainTitle(c);
  const mainComm = c.process?.program && !['runtime', 'script', 'interactive'].includes(c.process.program) ? c.process.program : base(c.path);
  const mainTty = c.config.Tty ? 'pts/0' : '?';
  const interactive = c.process?.program === 'interactive';
  // --init: docker-init is PID 1 and the command its child (PID 7, as tini's fork lands after the runtime's setup)
  const init = !!c.hostConfig.Init;
  const mainPid = init ? 7 : 1;
  if (init) procs.push({ pid: 1, ppid: 0, user: 'root', uid: 0, tty: mainTty, stat: 'Ss', start, cpuSeconds: 0, vsz: 1024, rss: 4, comm: 'docker-init', args: `/sbin/docker-init -- ${main.args}` });
  procs.push({ pid: mainPid, ppid: init ? 1 : 0, user: main.user, uid: uidOf(main.user), tty: mainTty, stat: interactive ? 'Ss' : 'Ss', start, cpuSeconds: 0, vsz: mem(mainComm)[0], rss: mem(mainComm)[1], comm: mainComm, args: main.args });
  for (const w of programChildren(c)) procs.push({ pid: w.pid + (init ? 6 : 0), ppid: mainPid, user: w.user, uid: uidOf(w.user), tty: '?', stat: 'S', start, cpuSeconds: 0, vsz: w.vsz, rss: w.rss, comm: w.comm, args: w.args });
  // a shell looping around sleep waits on its sleep child (a PID below the ones execs get, in the gap after startup)
  const child = loopChild(c);
  if (child) procs.push({ pid: Math.max(1, ...programChildren(c).map((p) => p.pid)) + 5 + (init ? 6 : 0), ppid: mainPid, user: main.user, uid: uidOf(main.user), tty: mainTty, stat: 'S', start: now, cpuSeconds: 0, vsz: mem('sleep')[0], rss: mem('sleep')[1], comm: 'sleep', args: child.join(' ') });
  const live = new Set(Object.keys(liveExecs(engine.state, c)));
  for (const [id, e] of s.execs) {
    if (!live.has(id)) continue;
    const comm = base(e.argv[0] ?? 'sh');
    procs.push({ pid: e.pid, ppid: 0, user: c.config.User || 'root', uid: uidOf(c.config.User || 'root'), tty: e.tty === null ? '?' : `pts/${e.tty}`, stat: 'Ss', start: e.start, cpuSeconds: 0, vsz: mem(comm)[0], rss: mem(comm)[1], comm, args: e.argv.join(' ') });
  }
  if (!psArgs) return procs;
  const parent = caller.execId ? procs.find((p) => p.pid === s.execs.get(caller.execId!)?.pid) : procs.find((p) => p.pid === mainPid);
  if (caller.isPs && parent) {
    // ps is the caller process itself
    Object.assign(parent, { comm: self, args: [self, ...psArgs].join(' '), vsz: mem(self)[0], rss: mem(self)[1], stat: parent.tty === '?' ? 'Rs' : 'Rs+' });
    procs.push(procs.splice(procs.indexOf(parent), 1)[0]);
    return procs;
  }
  if (parent && parent.tty !== '?') parent.stat = 'Ss';
  procs.push({ pid: nextPid(engine, c), ppid: parent?.pid ?? 1, user: parent?.user ?? 'root', uid: parent?.uid ?? 0, tty: parent?.tty ?? '?', stat: parent && parent.tty !== '?' ? 'R+' : 'R', start: now, cpuSeconds: 0, vsz: mem(self)[0], rss: mem(self)[1], comm: self, args: [self, ...psArgs].join(' ') });
  return procs;
}

const K = (pid: number, comm: string): Proc => ({ pid, ppid: 2, user: 'root', uid: 0, tty: '?', stat: pid === 2 ? 'S' : 'I<', start: 0, cpuSeconds: 0, vsz: 0, rss: 0, comm, args: `[${comm}]`, kernel: true });

/** The Docker host: systemd and friends, containerd, dockerd, one shim per running container and the containers' processes. */
export function hostProcs(sys: Sys, psArgs: string[], self = 'ps'): Proc[] {
  const engine = sys.engine;
  const boot = bootTime(engine);
  const now = sys.now();
  const d = (pid: number, user: string, comm: string, args: string, vsz: number, rss: number, stat = 'Ss', ppid = 1, start = boot + 4000): Proc => ({ pid, ppid, user, uid: user === 'root' ? 0 : 100, tty: '?', stat, start, cpuSeconds: 0, vsz, rss, comm, args });
  const procs: Proc[] = [
    { ...d(1, 'root', 'systemd', '/sbin/init', 22516, 13440, 'Ss', 0, boot), cpuSeconds: 2 },
    { ...K(2, 'kthreadd'), ppid: 0, start: boot, stat: 'S' },
    { ...K(3, 'pool_workqueue_release'), start: boot, stat: 'S' },
    { ...K(4, 'kworker/R-rcu_g'), start: boot },
    { ...K(5, 'kworker/R-rcu_p'), start: boot },
    { ...K(15, 'ksoftirqd/0'), start: boot, stat: 'S' },
    { ...K(16, 'rcu_preempt'), start: boot, stat: 'I' },
    d(312, 'root', 'systemd-journal', '/usr/lib/systemd/systemd-journald', 50440, 16128, 'Ss', 1, boot + 2000),
    d(361, 'root', 'systemd-udevd', '/usr/lib/systemd/systemd-udevd', 25984, 7040, 'Ss', 1, boot + 2000),
    d(541, 'systemd+', 'systemd-network', '/usr/lib/systemd/systemd-networkd', 19204, 9600, 'Ss', 1, boot + 3000),
    d(548, 'systemd+', 'systemd-resolve', '/usr/lib/systemd/systemd-resolved', 21588, 12800, 'Ss', 1, boot + 3000),
    d(590, 'root', 'cron', '/usr/sbin/cron -f -P', 7200, 2688),
    d(591, 'message+', 'dbus-daemon', '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only', 9660, 5120),
    d(612, 'root', 'containerd', '/usr/bin/containerd', 1874212, 47616, 'Ssl'),
    d(640, 'root', 'agetty', '/sbin/agetty -o -p -- \\u --noclear - linux', 6176, 1920, 'Ss+'),
    d(655, 'root', 'sshd', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 12020, 7936),
    d(745, 'root', 'dockerd', '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 2278168, 85632, 'Ssl', 1, boot + 5000),
    { ...d(1201, 'root', 'sshd', 'sshd: root@pts/0', 14600, 9088, 'Ss', 655, boot + 120_000) },
    { ...d(1289, 'root', 'bash', '-bash', 8652, 5376, 'Ss', 1201, boot + 121_000), tty: 'pts/0' },
  ];
  for (const c of allContainers(engine.state)) {
    if ((c.state.status !== 'running' && c.state.status !== 'paused') || !c.state.pid) continue;
    const pid = c.state.pid;
    const shim = pid - 1000;
    const start = c.state.startedAt;
    procs.push(d(shim, 'root', 'containerd-shim', `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock`, 1238384, 13056, 'Sl', 1, start));
    for (const [k, p] of (c.ports ?? []).entries()) {
      const ep = Object.values(c.endpoints ?? {})[0];
      procs.push(d(shim - 40 + k, 'root', 'docker-proxy', `/usr/bin/docker-proxy -proto ${p.proto} -host-ip ${p.hostIp} -host-port ${p.hostPort} -container-ip ${ep?.ip ?? ''} -container-port ${p.containerPort}`, 1745800, 4096, 'Sl', 745, start));
    }
    const inner = containerProcs({ ...sys, containerId: c.id }, c, { isPs: false }, null);
    const map = (n: number) => (n === 1 ? pid : 30000 + (pid - 2000) * 50 + n);
    for (const p of inner) procs.push({ ...p, pid: map(p.pid), ppid: p.ppid === 0 ? shim : map(p.ppid), tty: p.tty === '?' ? '?' : `pts/${parseInt(p.tty.slice(4), 10) + 1}` });
  }
  procs.sort((a, b) => a.pid - b.pid);
  procs.push({ pid: nextPid(engine, null), ppid: 1289, user: 'root', uid: 0, tty: 'pts/0', stat: 'R+', start: now, cpuSeconds: 0, vsz: mem(self)[0], rss: mem(self)[1], comm: self, args: [self, ...psArgs].join(' ') });
  return procs;
}

/** Every process visible where the command runs. */
export function processTable(sys: Sys, psArgs: string[], self = 'ps'): Proc[] {
  const c = containerOf(sys);
  return c ? containerProcs(sys, c, callerOf(sys, self), psArgs, self) : hostProcs(sys, psArgs, self);
}
