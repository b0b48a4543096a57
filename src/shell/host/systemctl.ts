// systemctl and journalctl for docker.service, docker.socket and containerd.service (systemd 255 on Ubuntu 24.04 wording).
import type { ExecResult, ResolvedCommandContext } from 'just-bash';
import { DOCKERD_ARGV, type Engine, type HostUnit, type JournalLine } from '../../engine/index';
import { readFileOr } from '../userland/sys';
import { HOST_NAME } from '../host';
import { hostUser } from './who';
import { withImageData } from '../../cli/image-data';

/** Start a unit; docker.service starts the containers its restart policies name, whose programs' code may load first. */
export const startUnit = (engine: Engine, name: string, json: Parameters<Engine['host']['start']>[1]) => withImageData(() => engine.host.start(name, json));

const out = (stdout = '', stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const DESCRIPTION: Record<string, string> = {
  'docker.service': 'Docker Application Container Engine',
  'docker.socket': 'Docker Socket for the API',
  'containerd.service': 'containerd container runtime',
};

/** `docker` → docker.service; a name with a suffix is kept. */
const unitName = (n: string) => (/\.(service|socket|target|timer)$/.test(n) ? n : `${n}.service`);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const stamp = (t: number) => {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${clock(d)} UTC`;
};
/** systemd's "5s ago", "1min 3s ago", "2h 5min ago". */
function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}min${s % 60 ? ` ${s % 60}s` : ''} ago`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ago`;
}
/** journalctl's short format: `Nov 23 09:01:02 dockerlings dockerd[2345]: …`. */
export const journalLine = (l: JournalLine) => {
  const d = new Date(l.time);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${clock(d)} ${HOST_NAME} ${l.ident}: ${l.text}\n`;
};

function statusText(engine: Engine, name: string, u: HostUnit): string {
  const s = engine.state;
  const h = s.host!;
  const file = `/usr/lib/systemd/system/${name}`;
  const dot = u.active === 'active' ? '●' : u.active === 'failed' ? '×' : '○';
  const state = u.active === 'active' ? (name.endsWith('.socket') ? 'active (listening)' : 'active (running)') : u.active === 'failed' ? 'failed (Result: exit-code)' : 'inactive (dead)';
  const lines = [`${dot} ${name} - ${DESCRIPTION[name]}`, `     Loaded: loaded (${file}; ${u.enabled ? 'enabled' : 'disabled'}; preset: enabled)`, `     Active: ${state} since ${stamp(u.since)}; ${ago(s.clock - u.since)}`];
  if (name === 'docker.service') {
    const sock = h.units['docker.socket'];
    lines.push(`TriggeredBy: ${sock?.active === 'active' ? '●' : '○'} docker.socket`, '       Docs: https://docs.docker.com');
    if (u.active === 'active') lines.push(`   Main PID: ${u.pid} (dockerd)`, '      Tasks: 8', '     Memory: 24.6M (peak: 25.3M)', '        CPU: 318ms', `     CGroup: /system.slice/docker.service`, `             └─${u.pid} ${DOCKERD_ARGV}`);
    else if (u.pid) lines.push(`    Process: ${u.pid} ExecStart=${DOCKERD_ARGV} (code=exited, status=${u.active === 'failed' ? '1/FAILURE' : '0/SUCCESS'})`, `   Main PID: ${u.pid} (code=exited, status=${u.active === 'failed' ? '1/FAILURE' : '0/SUCCESS'})`);
  } else if (name === 'docker.socket') {
    lines.push(`   Triggers: ${h.units['docker.service']?.active === 'active' ? '●' : '○'} docker.service`, `     Listen: /run/docker.sock (Stream)`);
    if (u.active === 'active') lines.push('      Tasks: 0 (limit: 4608)', '     Memory: 0B (peak: 256.0K)', '        CPU: 1ms', '     CGroup: /system.slice/docker.socket');
  } else {
    lines.push('       Docs: https://containerd.io');
    if (u.active === 'active') lines.push(`   Main PID: ${u.pid} (containerd)`, '      Tasks: 8', '     Memory: 14.2M (peak: 14.9M)', '        CPU: 97ms', '     CGroup: /system.slice/containerd.service', `             └─${u.pid} /usr/bin/containerd`);
  }
  const log = h.journal.filter((l) => l.unit === name).slice(-10).map(journalLine).join('');
  return lines.join('\n') + '\n' + (log ? '\n' + log : '');
}

const VERBS = new Set(['status', 'start', 'stop', 'restart', 'enable', 'disable', 'is-active', 'is-enabled', 'reload', 'daemon-reload', 'is-failed']);

export async function systemctl(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0] ?? 'list-units';
  const h = engine.state.host;
  if (!VERBS.has(verb)) return out('', `Unknown command verb '${verb}'.\n`, 1);
  if (verb === 'daemon-reload') return hostUser(engine) === 'root' ? out() : out('', 'Failed to reload daemon: Access denied\n', 1);
  const names = words.slice(1).map(unitName);
  if (!names.length && verb !== 'status') return out('', `Too few arguments.\n`, 1);
  // on a host that had Docker from the start, the units just run
  const unit = (n: string): HostUnit | undefined => (h ? h.units[n] : DESCRIPTION[n] ? { enabled: true, active: 'active', since: engine.state.clock - 47 * 60_000, pid: 1 } : undefined);
  const quiet = flags.includes('-q') || flags.includes('--quiet');
  const now = flags.includes('--now');
  let stdout = '';
  let stderr = '';
  let code = 0;
  const changes = ['start', 'stop', 'restart', 'enable', 'disable', 'reload'].includes(verb);
  if (changes && hostUser(engine) !== 'root') {
    const what = { start: 'start', stop: 'stop', restart: 'restart', reload: 'reload', enable: 'enable unit files', disable: 'disable unit files' }[verb];
    return out('', verb === 'enable' || verb === 'disable' ? `Failed to ${what}: Access denied\n` : `Failed to ${what} ${names[0]}: Interactive authentication required.\nSee system logs and 'systemctl status ${names[0]}' for details.\n`, verb === 'enable' || verb === 'disable' ? 1 : 4);
  }
  for (const n of names) {
    const u = unit(n);
    if (!u || !DESCRIPTION[n]) {
      if (verb === 'status') {
        stderr += `Unit ${n} could not be found.\n`;
        code = 4;
      } else if (verb === 'is-active' || verb === 'is-failed') {
        if (!quiet) stdout += 'inactive\n';
        code = verb === 'is-active' ? 3 : 1;
      } else if (verb === 'is-enabled') {
        stderr += `Failed to get unit file state for ${n}: No such file or directory\n`;
        code = 1;
      } else if (verb === 'enable' || verb === 'disable') {
        stderr += `Failed to ${verb} unit: Unit file ${n} does not exist.\n`;
        code = 1;
      } else {
        stderr += `Failed to ${verb} ${n}: Unit ${n} not found.\n`;
        code = 5;
      }
      continue;
    }
    if (!h) {
      if (verb === 'status') stdout += `● ${n} - ${DESCRIPTION[n]}\n     Loaded: loaded (/usr/lib/systemd/system/${n}; enabled; preset: enabled)\n     Active: active (running)\n`;
      if (verb === 'is-active' && !quiet) stdout += 'active\n';
      if (verb === 'is-enabled' && !quiet) stdout += 'enabled\n';
      continue;
    }
    const daemonJson = () => readFileOr(ctx.fs, '/etc/docker/daemon.json');
    const failed = (r: { ok: boolean }) => {
      if (r.ok) return;
      stderr += `Job for ${n} failed because the control process exited with error code.\nSee "systemctl status ${n}" and "journalctl -xeu ${n}" for details.\n`;
      code = 1;
    };
    switch (verb) {
      case 'status':
        stdout += (stdout ? '\n' : '') + statusText(engine, n, u);
        if (u.active !== 'active') code = 3;
        break;
      case 'is-active':
        if (!quiet) stdout += `${u.active}\n`;
        if (u.active !== 'active') code = 3;
        break;
      case 'is-failed':
        if (!quiet) stdout += `${u.active}\n`;
        if (u.active !== 'failed') code = 1;
        break;
      case 'is-enabled':
        if (!quiet) stdout += `${u.enabled ? 'enabled' : 'disabled'}\n`;
        if (!u.enabled) code = 1;
        break;
      case 'start':
        failed(await startUnit(engine, n, await daemonJson()));
        break;
      case 'stop':
        engine.host.stop(n);
        if (n === 'docker.service' && h.units['docker.socket']?.active === 'active' && !names.includes('docker.socket')) stderr += `Stopping '${n}', but its triggering units are still active:\ndocker.socket\n`;
        break;
      case 'restart':
      case 'reload':
        engine.host.stop(n);
        failed(await startUnit(engine, n, await daemonJson()));
        break;
      case 'enable':
      case 'disable': {
        const on = verb === 'enable';
        const target = n.endsWith('.socket') ? 'sockets.target.wants' : 'multi-user.target.wants';
        const link = `/etc/systemd/system/${target}/${n}`;
        if (on !== u.enabled) {
          if (on) {
            await ctx.fs.mkdir(`/etc/systemd/system/${target}`, { recursive: true });
            await ctx.fs.symlink(`/usr/lib/systemd/system/${n}`, link);
            stderr += `Created symlink ${link} → /usr/lib/systemd/system/${n}.\n`;
          } else {
            await ctx.fs.rm(link, { force: true });
            stderr += `Removed "${link}".\n`;
          }
          engine.host.enable(n, on);
        }
        if (n === 'docker.service' && !now) stderr = `Synchronizing state of docker.service with SysV service script with /usr/lib/systemd/systemd-sysv-install.\nExecuting: /usr/lib/systemd/systemd-sysv-install ${verb} docker\n` + stderr;
        if (now) {
          if (on) failed(await startUnit(engine, n, await daemonJson()));
          else engine.host.stop(n);
        }
        break;
      }
    }
  }
  return out(stdout, stderr, code);
}

export async function journalctl(engine: Engine, args: string[]): Promise<ExecResult> {
  const h = engine.state.host;
  const units: string[] = [];
  let last = Infinity;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--lines') last = Number(args[++i] ?? 10);
    else if (/^-n\d+$/.test(a) || a.startsWith('--lines=')) last = Number(a.replace(/^-n|^--lines=/, ''));
    else if (a === '-u' || a === '--unit') units.push(unitName(args[++i] ?? ''));
    else if (a.startsWith('--unit=')) units.push(unitName(a.slice(7)));
    else if (/^-[a-z]*u$/.test(a)) units.push(unitName(args[++i] ?? ''));
    else if (/^-[a-z]*u./.test(a)) units.push(unitName(a.slice(a.indexOf('u') + 1)));
  }
  const all = (h?.journal ?? []).filter((l) => !units.length || units.includes(l.unit));
  const lines = Number.isFinite(last) ? all.slice(Math.max(0, all.length - last)) : all;
  if (hostUser(engine) !== 'root' && !h?.shellGroups.some((g) => g === 'adm' || g === 'systemd-journal')) return out('No journal files were opened due to insufficient permissions.\n', '', 0);
  if (!lines.length) return out('-- No entries --\n');
  return out(lines.map(journalLine).join(''));
}

/** service NAME start|stop|restart|status: SysV's wrapper, which hands systemd units to systemctl. */
export async function service(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const [name, verb] = args;
  if (!name || !verb) return out('', 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n', 1);
  if (!['start', 'stop', 'restart', 'status', 'reload'].includes(verb)) return out('', `Usage: /etc/init.d/${name} {start|stop|restart|status}\n`, 1);
  return systemctl(engine, [verb, name], ctx);
}
