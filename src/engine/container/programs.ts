// What simulated main processes do: known daemons and tools (nginx, redis-server, sleep, hello …) as data. The
// images' own programs (databases, redis, services, language runtimes, stress, WordPress) are chunks loaded when one
// of them first starts: their names are known here, their code is read through lazy.ts.
import { HELLO_WORLD_MESSAGE } from '../seed/index';
import { hasOwn } from '../dict';
import { lazyModule } from '../lazy';
import type { EngineState } from '../state';
import { allContainers } from '../container-table';
import type { Program } from './program';

export type { Program, ProgramContext } from './program';

const daemonSignals = (graceful: string[]) => (sig: string) => (graceful.includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 128 + signum(sig));

export const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGSTOP: 19, SIGWINCH: 28 };

export function signum(sig: string): number {
  return SIGNALS[sig] ?? 15;
}

const lines = (stream: 'stdout' | 'stderr', ...texts: string[]) => texts.map((text) => ({ delay: 0, stream, text: text + '\n' }));

const nginxTime = (iso: string) => iso.slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** The programs every session may run at once (hello-world, sleep, nginx, httpd, registry: the lessons' first images). */
const CORE: Record<string, Program> = {
  hello: {
    startLogs: () => [{ delay: 0, stream: 'stdout', text: HELLO_WORLD_MESSAGE }],
    runsFor: () => 0,
    exitCode: 0,
    onSignal: () => 0,
  },
  sleep: {
    startLogs: () => [],
    runsFor: (all) => {
      // through an entrypoint's `exec "$@"` the arguments start with the command's own name
      const args = /(^|\/)sleep$/.test(all[0] ?? '') ? all.slice(1) : all;
      const n = parseFloat(args[0] ?? '');
      return args[0] === 'infinity' ? null : Number.isFinite(n) ? Math.round(n * 1000) : 0;
    },
    exitCode: 0,
    // PID 1 has no default SIGTERM handler: sleep ignores it and is killed after the stop timeout.
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : sig === 'SIGINT' || sig === 'SIGTERM' || sig === 'SIGQUIT' ? 'ignore' : 'ignore'),
  },
  nginx: {
    startLogs: (_a, { time, pid }) => [
      ...lines('stdout', '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration', '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/', '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf', '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf', '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh', '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh', '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh', '/docker-entrypoint.sh: Configuration complete; ready for start up'),
      ...lines('stderr', `${nginxTime(time)} [notice] 1#1: using the "epoll" event method`, `${nginxTime(time)} [notice] 1#1: nginx/1.27.3`, `${nginxTime(time)} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `, `${nginxTime(time)} [notice] 1#1: OS: Linux 6.8.0-49-generic`, `${nginxTime(time)} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`, `${nginxTime(time)} [notice] 1#1: start worker processes`, `${nginxTime(time)} [notice] 1#1: start worker process 29`, `${nginxTime(time)} [notice] 1#1: start worker process 30`),
    ],
    runsFor: () => null,
    exitCode: 0,
    onSignal: daemonSignals(['SIGQUIT', 'SIGTERM', 'SIGINT']),
    // 10-listen-on-ipv6-by-default.sh edits default.conf; nginx writes its pid and makes its temp dirs
    startFiles: (read) => {
      const conf = read('/etc/nginx/conf.d/default.conf');
      return [
        ...(conf && !conf.includes('listen  [::]:80;') ? [{ path: '/etc/nginx/conf.d/default.conf', content: conf.replace(/(\n\s*listen\s+80;\n)/, '$1    listen  [::]:80;\n') }] : []),
        { path: '/run/nginx.pid', content: '1\n' },
        ...['client_temp', 'fastcgi_temp', 'proxy_temp', 'scgi_temp', 'uwsgi_temp'].map((d) => ({ path: `/var/cache/nginx/${d}`, dir: true })),
      ];
    },
  },
  httpd: {
    startLogs: (_a, { time }) =>
      lines(
        'stderr',
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message",
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message",
        `[${apacheTime(time)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
        `[${apacheTime(time)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      ),
    runsFor: () => null,
    exitCode: 0,
    onSignal: daemonSignals(['SIGWINCH', 'SIGTERM', 'SIGINT']),
    startFiles: () => [{ path: '/usr/local/apache2/logs/httpd.pid', content: '1\n' }],
  },
  registry: {
    startLogs: (_a, { time }) =>
      lines('stderr', `time="${time.slice(0, 19)}.000000000Z" level=info msg="listening on [::]:5000" go.version=go1.20.8 instance.id=1a2b3c4d version=2.8.3`),
    runsFor: () => null,
    exitCode: 0,
    onSignal: daemonSignals(['SIGTERM', 'SIGINT']),
  },
};

const db = lazyModule('programs-db', () => import('./programs-db'));
const redis = lazyModule('programs-redis', () => import('./programs-redis'));
const services = lazyModule('programs-services', () => import('./programs-services'));
const wordpress = lazyModule('programs-wordpress', () => import('./programs-wordpress'));
const lang = lazyModule('programs-lang', () => import('./programs-lang'));
const stress = lazyModule('programs-stress', () => import('./stress'));

/** The programs of each code chunk by name, known before the chunk is loaded (programs.test.ts checks them against it). */
export const LAZY_PROGRAMS: { chunk: string; names: string[]; programs: () => Record<string, Program> }[] = [
  { chunk: 'programs-db', names: ['mysqld', 'postgres', 'mariadbd', 'mongod'], programs: () => db().DB_PROGRAMS },
  { chunk: 'programs-redis', names: ['redis-server'], programs: () => ({ 'redis-server': redis().REDIS_SERVER }) },
  { chunk: 'programs-services', names: ['memcached', 'rabbitmq-server', 'traefik', 'haproxy', 'dockerd'], programs: () => services().SERVICE_PROGRAMS },
  { chunk: 'programs-wordpress', names: ['apache2-foreground'], programs: () => ({ 'apache2-foreground': wordpress().APACHE2_FOREGROUND }) },
  { chunk: 'programs-lang', names: ['php', 'ruby', 'irb', 'java', 'javac', 'jshell', 'node', 'python3.13', 'python3.12', 'go'], programs: () => lang().LANG_PROGRAMS },
  { chunk: 'programs-stress', names: ['stress'], programs: () => ({ stress: stress().STRESS }) },
];

const lazyByName = new Map(LAZY_PROGRAMS.flatMap((f) => f.names.map((n) => [n, f] as const)));

/** Is this a program the engine runs itself? Known without loading its chunk. */
export const isProgram = (name: string): boolean => hasOwn(CORE, name) || lazyByName.has(name);

/** The program called `name` (undefined for any other name); throws ImageDataNeeded while its chunk is not loaded. */
export function programNamed(name: string): Program | undefined {
  if (hasOwn(CORE, name)) return CORE[name];
  return lazyByName.get(name)?.programs()[name];
}

/** The code chunks the programs running (or restarting) in a state need: a session restored from a checkpoint loads
 *  them before its first command, so restart policies and signals find their programs as the original session did. */
export function programChunks(s: EngineState): string[] {
  const out = new Set<string>();
  for (const c of allContainers(s)) {
    const f = c.process?.kind === 'program' ? lazyByName.get(c.process.program) : undefined;
    if (f) out.add(f.chunk);
  }
  return [...out];
}

/** php, ruby, java, javac, irb and jshell's version flags (the shell's commands print the same; programs-lang chunk). */
export const versionText: typeof import('./programs-lang').versionText = (...a) => lang().versionText(...a);


function apacheTime(iso: string): string {
  const d = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, '0')} ${iso.slice(11, 19)}.000000 ${d.getUTCFullYear()}`;
}
