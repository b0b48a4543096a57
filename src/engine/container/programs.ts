// What simulated main processes do: known daemons and tools (nginx, redis-server, sleep, hello …) as data.
import { HELLO_WORLD_MESSAGE } from '../seed/index';
import { STRESS } from './stress';
import { DB_PROGRAMS } from './programs-db';
import { LANG_PROGRAMS } from './programs-lang';
import { REDIS_SERVER } from './programs-redis';
import { APACHE2_FOREGROUND } from './programs-wordpress';
import { SERVICE_PROGRAMS } from './programs-services';
import type { Program } from './program';

export type { Program, ProgramContext } from './program';

const daemonSignals = (graceful: string[]) => (sig: string) => (graceful.includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 128 + signum(sig));

export const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGSTOP: 19, SIGWINCH: 28 };

export function signum(sig: string): number {
  return SIGNALS[sig] ?? 15;
}

const lines = (stream: 'stdout' | 'stderr', ...texts: string[]) => texts.map((text) => ({ delay: 0, stream, text: text + '\n' }));

const nginxTime = (iso: string) => iso.slice(0, 19).replace('T', ' ').replace(/-/g, '/');

export const PROGRAMS: Record<string, Program> = {
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
  'redis-server': REDIS_SERVER,
  'apache2-foreground': APACHE2_FOREGROUND,
  registry: {
    startLogs: (_a, { time }) =>
      lines('stderr', `time="${time.slice(0, 19)}.000000000Z" level=info msg="listening on [::]:5000" go.version=go1.20.8 instance.id=1a2b3c4d version=2.8.3`),
    runsFor: () => null,
    exitCode: 0,
    onSignal: daemonSignals(['SIGTERM', 'SIGINT']),
  },
  stress: STRESS,
  ...DB_PROGRAMS,
  ...SERVICE_PROGRAMS,
  ...LANG_PROGRAMS,
};


function apacheTime(iso: string): string {
  const d = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, '0')} ${iso.slice(11, 19)}.000000 ${d.getUTCFullYear()}`;
}
