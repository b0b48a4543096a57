// Service programs of the catalog images: memcached, rabbitmq-server, traefik, haproxy and dockerd (docker:dind), with their real start logs.
import type { Program, ProgramContext } from './program';
import { envOf } from './programs-db-env';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };
const out = (delay: number, stream: Line['stream'], ...texts: string[]): Line[] => texts.map((text) => ({ delay, stream, text: text + '\n' }));
const at = (ctx: ProgramContext, ms: number) => new Date(Date.parse(ctx.time) + ms).toISOString();
const stops = (ok: string[]) => (sig: string) => (ok.includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 143);

const MEMCACHED: Program = { startLogs: () => [], runsFor: () => null, exitCode: 0, onSignal: stops(['SIGTERM', 'SIGINT']) };

function rabbitLogs(ctx: ProgramContext): Line[] {
  const t = (ms: number) => at(ctx, ms).replace('T', ' ').replace('Z', '000+00:00');
  const mgmt = (ctx.read?.('/etc/rabbitmq/enabled_plugins') ?? '').includes('rabbitmq_management');
  const node = `rabbit@${ctx.hostname}`;
  const l = (ms: number, level: string, pid: string, msg: string) => `${t(ms)} [${level}] <0.${pid}.0> ${msg}`;
  return [
    ...out(0, 'stdout', "=INFO REPORT==== " + at(ctx, 0).slice(0, 19).replace('T', '::') + " ===", 'Feature flags: list of feature flags found:'),
    ...out(800, 'stdout', l(800, 'notice', '44', 'Application syslog exited with reason: stopped'), l(800, 'notice', '254', 'Logging: switching to configured handler(s); following messages may not be visible in this log output'),
      l(810, 'notice', '254', 'Logging: configured log handlers are now ACTIVE'), l(900, 'info', '254', 'ra: starting system quorum_queues'),
      l(1000, 'info', '254', ''), l(1000, 'info', '254', ' Starting RabbitMQ 4.0.4 on Erlang 27.1.2 [jit]'), l(1000, 'info', '254', ' Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries'),
      l(1000, 'info', '254', ' Licensed under the MPL 2.0. Website: https://rabbitmq.com'),
      '', '  ##  ##      RabbitMQ 4.0.4', '  ##  ##', '  ##########  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries', '  ######  ##',
      '  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com', '', '  Erlang:      27.1.2 [jit]', '  TLS Library: OpenSSL - OpenSSL 3.3.2 3 Sep 2024',
      '  Release series support status: see https://www.rabbitmq.com/release-information', '', '  Doc guides:  https://www.rabbitmq.com/docs',
      '  Support:     https://www.rabbitmq.com/docs/contact', '  Tutorials:   https://www.rabbitmq.com/tutorials', '  Monitoring:  https://www.rabbitmq.com/docs/monitoring',
      '  Upgrading:   https://www.rabbitmq.com/docs/upgrade', '', '  Logs: <stdout>', '', '  Config file(s): /etc/rabbitmq/conf.d/10-defaults.conf', '', '  Starting broker...'),
    ...out(1100, 'stdout', l(1100, 'info', '254', ''), l(1100, 'info', '254', ` node           : ${node}`), l(1100, 'info', '254', ' home dir       : /var/lib/rabbitmq'),
      l(1100, 'info', '254', ` database dir   : /var/lib/rabbitmq/mnesia/${node}`),
      l(5000, 'info', '718', 'Ready to start client connection listeners'), l(5000, 'info', '718', 'started TCP listener on [::]:5672'),
      ...(mgmt ? [l(5100, 'info', '840', 'Management plugin: HTTP (non-TLS) listener started on port 15672'), l(5100, 'info', '840', 'Statistics database started.')] : []),
      l(5200, 'info', '718', 'Server startup complete; ' + (mgmt ? '5 plugins started.' : '4 plugins started.')),
      ...(mgmt ? [l(5200, 'info', '718', '  * rabbitmq_prometheus'), l(5200, 'info', '718', '  * rabbitmq_management'), l(5200, 'info', '718', '  * rabbitmq_management_agent'), l(5200, 'info', '718', '  * rabbitmq_web_dispatch'), l(5200, 'info', '718', '  * oauth2_client')]
        : [l(5200, 'info', '718', '  * rabbitmq_prometheus'), l(5200, 'info', '718', '  * rabbitmq_management_agent'), l(5200, 'info', '718', '  * rabbitmq_web_dispatch'), l(5200, 'info', '718', '  * oauth2_client')]),
      l(5300, 'info', '10.0', 'Time to start RabbitMQ: 5300 ms')),
  ];
}

const RABBITMQ: Program = {
  startLogs: (_a, ctx) => rabbitLogs(ctx),
  startFiles: (read, _a, ctx) => (read('/var/lib/rabbitmq/.erlang.cookie') === null ? [{ path: '/var/lib/rabbitmq/.erlang.cookie', content: 'QWERTYUIOPASDFGHJKLZ' }, { path: `/var/lib/rabbitmq/mnesia/rabbit@${ctx.hostname}`, dir: true }] : []),
  runsFor: () => null, exitCode: 0, onSignal: stops(['SIGTERM', 'SIGINT']),
};

const TRAEFIK: Program = {
  startLogs: (args, ctx) => {
    const t = at(ctx, 0).slice(0, 19) + 'Z';
    return out(0, 'stdout', `${t} INF Traefik version 3.2.1 built on 2024-11-20T16:55:46Z version=3.2.1`,
      `${t} INF Stats collection is disabled.`, `${t} INF Help us improve Traefik by turning this feature on :)`, `${t} INF More details on: https://doc.traefik.io/traefik/contributing/data-collection/`, '',
      `${t} INF Starting provider aggregator *aggregator.ProviderAggregator`, `${t} INF Starting provider *traefik.Provider`,
      ...(args.some((a) => a.startsWith('--providers.docker')) ? [`${t} INF Starting provider *docker.Provider`, `${t} ERR Failed to retrieve information of the docker client and server host error="Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" providerName=docker`] : []),
      `${t} INF Starting provider *acme.ChallengeTLSALPN`);
  },
  runsFor: () => null, exitCode: 0, onSignal: stops(['SIGTERM', 'SIGINT']),
};

const HAPROXY_CFG = '/usr/local/etc/haproxy/haproxy.cfg';
const haCfg = (args: string[]) => {
  const i = args.indexOf('-f');
  return i >= 0 ? (args[i + 1] ?? HAPROXY_CFG) : HAPROXY_CFG;
};
const haOk = (args: string[], ctx: ProgramContext) => ctx.read?.(haCfg(args)) != null || !!ctx.bound?.(haCfg(args));

const HAPROXY: Program = {
  startLogs: (args, ctx) => {
    const cfg = haCfg(args);
    if (!haOk(args, ctx)) return out(0, 'stderr', `[NOTICE]   (1) : haproxy version is 3.1.0-f2b9791`, `[ALERT]    (1) : config : Cannot open configuration file/directory ${cfg} : No such file or directory`);
    return out(0, 'stderr', '[NOTICE]   (1) : haproxy version is 3.1.0-f2b9791', `[NOTICE]   (1) : path to executable is /usr/local/sbin/haproxy`, '[NOTICE]   (1) : New worker (8) forked', '[NOTICE]   (1) : Loading success.');
  },
  runsFor: (args, ctx) => (haOk(args, ctx) ? null : 0),
  exitCode: 0,
  exitCodeFor: (args, ctx) => ({ code: haOk(args, ctx) ? 0 : 1, oom: false }),
  // SIGUSR1 is haproxy's soft stop (the image's STOPSIGNAL)
  onSignal: stops(['SIGUSR1', 'SIGTERM', 'SIGINT']),
};

const DOCKERD: Program = {
  startLogs: (_a, ctx) => {
    if (!ctx.privileged) return out(0, 'stderr', 'mount: permission denied (are you root?)', 'Could not mount /sys/kernel/security.', 'AppArmor detection and --privileged mode might break.', 'mount: permission denied (are you root?)');
    const ts = (ms: number) => `time="${at(ctx, ms).slice(0, 19)}.000000000Z"`;
    const tls = envOf(ctx, 'DOCKER_TLS_CERTDIR') !== '';
    return [
      ...(tls ? out(0, 'stdout', 'Certificate request self-signature ok', 'subject=CN = docker:dind server', '/certs/server/cert.pem: OK', 'Certificate request self-signature ok', 'subject=CN = docker:dind client', '/certs/client/cert.pem: OK') : []),
      ...out(500, 'stderr', `${ts(500)} level=info msg="Starting up"`, `${ts(500)} level=warning msg="could not change group /var/run/docker.sock to docker: group docker not found"`,
        `${ts(600)} level=info msg="containerd not running, starting managed containerd"`, `${ts(900)} level=info msg="Loading containers: start."`,
        `${ts(1200)} level=info msg="Loading containers: done."`, `${ts(1300)} level=info msg="Docker daemon" commit=92a8393 containerd-snapshotter=false storage-driver=overlay2 version=27.4.0`,
        `${ts(1300)} level=info msg="Daemon has completed initialization"`,
        `${ts(1300)} level=warning msg="dockerlings: this nested daemon is not simulated; docker commands in this container (or against port ${tls ? 2376 : 2375}) reach no daemon"`,
        `${ts(1300)} level=info msg="API listen on /var/run/docker.sock"`, `${ts(1300)} level=info msg="API listen on [::]:${tls ? 2376 : 2375}"`),
    ];
  },
  runsFor: (_a, ctx) => (ctx.privileged ? null : 0),
  exitCode: 0,
  exitCodeFor: (_a, ctx) => ({ code: ctx.privileged ? 0 : 1, oom: false }),
  onSignal: stops(['SIGTERM', 'SIGINT']),
};

export const SERVICE_PROGRAMS: Record<string, Program> = { memcached: MEMCACHED, 'rabbitmq-server': RABBITMQ, traefik: TRAEFIK, haproxy: HAPROXY, dockerd: DOCKERD };
