// The process list inside a container, per program (nginx master + workers, stress hogs, a shell …).
import type { Container } from '../../engine/index';
import { HOST, loopChild } from '../../engine/index';

export interface Proc {
  user: string;
  cmd: string;
  /** Share of the container's CPU this process uses. */
  cpu: number;
  tty: boolean;
}

/** What `ps -ef` on the host lists for a container, in PID order. */
export function processList(c: Container): Proc[] {
  const list = programProcs(c);
  // --init: docker-init is the container's first process, the command runs under it
  return c.hostConfig.Init ? [{ user: 'root', cmd: `/sbin/docker-init -- ${[c.path, ...c.args].join(' ')}`, cpu: 0, tty: c.config.Tty }, ...list] : list;
}

function programProcs(c: Container): Proc[] {
  const argv = [c.path, ...c.args].join(' ');
  const tty = c.config.Tty;
  switch (c.process?.program) {
    case 'nginx':
      return [{ user: 'root', cmd: `nginx: master process nginx -g daemon off;`, cpu: 0, tty }, ...Array.from({ length: HOST.cpus }, () => ({ user: 'systemd+', cmd: 'nginx: worker process', cpu: 0, tty }))];
    case 'httpd':
      return [{ user: 'root', cmd: 'httpd -DFOREGROUND', cpu: 0, tty }, ...Array.from({ length: 3 }, () => ({ user: 'www-data', cmd: 'httpd -DFOREGROUND', cpu: 0, tty }))];
    case 'redis-server':
      return [{ user: '999', cmd: 'redis-server *:6379', cpu: 0, tty }];
    case 'stress': {
      const workers = (c.args.join(' ').match(/(--cpu|-c|--vm|-m|--io|-i|--hdd|-d) (\d+)/g) ?? []).reduce((n, m) => n + parseInt(m.split(' ')[1], 10), 0);
      return [{ user: 'root', cmd: argv, cpu: 0, tty }, ...Array.from({ length: workers }, () => ({ user: 'root', cmd: argv, cpu: 1 / Math.max(1, workers), tty }))];
    }
    default: {
      // a shell looping around sleep: the sleep it waits on is its child
      const child = loopChild(c);
      return [{ user: 'root', cmd: argv, cpu: 1, tty }, ...(child ? [{ user: 'root', cmd: child.join(' '), cpu: 0, tty }] : [])];
    }
  }
}
