// The process list inside a container, per program (nginx master + workers, stress hogs, a shell …), with the PIDs
// the container's namespace gives them and the host PIDs docker top shows (the host's `ps -ef` maps them the same way).
import type { Container } from '../../engine/index';
import { HOST, loopChild } from '../../engine/index';

export interface Proc {
  user: string;
  cmd: string;
  /** Share of the container's CPU this process uses. */
  cpu: number;
  tty: boolean;
  /** PID inside the container, and its parent's there (0: the parent is outside, containerd's shim). */
  pid: number;
  ppid: number;
}

/** A namespace PID as the host sees it: PID 1 is the container's State.Pid, the rest come later in the host's count. */
export function hostPid(c: Container, nsPid: number): number {
  const pid = c.state.pid;
  return nsPid === 0 ? pid - 1000 : nsPid === 1 ? pid : 30000 + (pid - 2000) * 50 + nsPid;
}

/** What `ps -ef` on the host lists for a container, in PID order: --init puts docker-init at PID 1 and the command,
 *  its child, at PID 7; workers and a loop's sleep are children of the command. */
export function processList(c: Container): Proc[] {
  const init = !!c.hostConfig.Init;
  const shift = (p: Proc): Proc => ({ ...p, pid: p.pid + 6, ppid: p.ppid === 0 ? 1 : p.ppid + 6 });
  const list = programProcs(c);
  if (!init) return list;
  return [{ user: 'root', cmd: `/sbin/docker-init -- ${[c.path, ...c.args].join(' ')}`, cpu: 0, tty: c.config.Tty, pid: 1, ppid: 0 }, ...list.map(shift)];
}

function programProcs(c: Container): Proc[] {
  const argv = [c.path, ...c.args].join(' ');
  const tty = c.config.Tty;
  const main = (user: string, cmd: string, cpu = 0): Proc => ({ user, cmd, cpu, tty, pid: 1, ppid: 0 });
  const kids = (pids: number[], user: string, cmd: string, cpu = 0): Proc[] => pids.map((pid) => ({ user, cmd, cpu, tty, pid, ppid: 1 }));
  const seq = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  switch (c.process?.program) {
    case 'nginx':
      return [main('root', 'nginx: master process nginx -g daemon off;'), ...kids(seq(29, HOST.cpus), 'systemd+', 'nginx: worker process')];
    case 'httpd':
      return [main('root', 'httpd -DFOREGROUND'), ...kids([7, 8, 9], 'www-data', 'httpd -DFOREGROUND')];
    case 'redis-server':
      return [main('999', 'redis-server *:6379')];
    case 'stress': {
      const workers = (c.args.join(' ').match(/(--cpu|-c|--vm|-m|--io|-i|--hdd|-d) (\d+)/g) ?? []).reduce((n, m) => n + parseInt(m.split(' ')[1], 10), 0);
      return [main('root', argv), ...kids(seq(7, workers), 'root', argv, 1 / Math.max(1, workers))];
    }
    default: {
      // a shell looping around sleep: the sleep it waits on is its child (PID 6, after the shell's startup)
      const child = loopChild(c);
      return [main('root', argv, 1), ...(child ? kids([6], 'root', child.join(' ')) : [])];
    }
  }
}
