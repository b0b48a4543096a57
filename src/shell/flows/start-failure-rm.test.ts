// A `docker run --rm` whose start fails leaves nothing behind (moby containerStart removes an AutoRemove container),
// and a restarting container is not removed without -f (moby daemon/delete.go, delete_test.go "restarting container").
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('start failures and removal', () => {
  it('--rm with a command that is not found: exit 127, no container, no anonymous volume', async () => {
    const [run, ps, vols] = await steps('docker run --rm -q -v /data busybox nosuchcmd\ndocker ps -aq\ndocker volume ls -q');
    expect([run.exitCode, run.stderr]).toEqual([127, 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown.\n']);
    expect([ps.stdout, vols.stdout]).toEqual(['', '']);
  });

  it('--rm with a command that is not executable: exit 126, no container', async () => {
    const [run, ps] = await steps('docker run --rm -q busybox /etc/passwd\ndocker ps -aq');
    expect(run.exitCode).toBe(126);
    expect(ps.stdout).toBe('');
  });

  it('without --rm the container that failed to start stays', async () => {
    const [, ps] = await steps('docker run -q --name kept busybox nosuchcmd\ndocker ps -a --format "{{.Names}}"');
    expect(ps.stdout).toBe('kept\n');
  });

  it('a restarting container needs -f', async () => {
    const all = await steps('docker run -d --name rs --restart always busybox false\nsleep 1\ndocker rm rs\ndocker rm -f rs');
    expect([all[2].stderr, all[2].exitCode]).toEqual(['Error response from daemon: cannot remove container "/rs": container is restarting: stop the container before removing or force remove\n', 1]);
    expect([all[3].stdout, all[3].exitCode]).toEqual(['rs\n', 0]);
  });
});
