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

  it('the container that failed to start keeps the error and an exit status: 127 not found, 126 not executable (daemon/errors.go setExitCodeFromError)', async () => {
    const all = await steps(
      "docker create -q --name c7 busybox nosuchcmd\ndocker start c7\ndocker inspect -f '{{.State.Status}} {{.State.ExitCode}}' c7\ndocker inspect -f '{{.State.Error}}' c7\n" +
        "docker run -q --name c8 busybox /etc/passwd\ndocker inspect -f '{{.State.Status}} {{.State.ExitCode}}' c8\ndocker ps -a --format '{{.Names}} {{.Status}}'",
    );
    expect(all.slice(2).map((s) => s.stdout)).toEqual([
      'created 127\n',
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown\n',
      '',
      'created 126\n',
      'c8 Created\nc7 Created\n',
    ]);
  });

  it('a user or group the image lacks fails the start (moby/sys/user getUser), exit 125; numeric IDs need no entry', async () => {
    const all = await steps(
      "docker pull -q busybox >/dev/null\ndocker run --rm -u nosuchuser busybox id\ndocker run -q --name ug -u nobody:nogroup busybox id\ndocker inspect -f '{{.State.ExitCode}} {{.State.Error}}' ug\ndocker run --rm -u 1234:5678 busybox id\ndocker run --rm -u www-data:nobody busybox id",
    );
    expect(all.slice(1).map((s) => [s.stdout, s.stderr, s.exitCode])).toEqual([
      ['', 'docker: Error response from daemon: unable to find user nosuchuser: no matching entries in passwd file.\n', 125],
      ['', 'docker: Error response from daemon: unable to find group nogroup: no matching entries in group file.\n', 125],
      ['128 unable to find group nogroup: no matching entries in group file\n', '', 0],
      ['uid=1234 gid=5678 groups=5678\n', '', 0],
      ['uid=33(www-data) gid=65534(nobody) groups=65534(nobody)\n', '', 0],
    ]);
  });

  it('a restarting container needs -f', async () => {
    const all = await steps('docker run -d --name rs --restart always busybox false\nsleep 1\ndocker rm rs\ndocker rm -f rs');
    expect([all[2].stderr, all[2].exitCode]).toEqual(['Error response from daemon: cannot remove container "/rs": container is restarting: stop the container before removing or force remove\n', 1]);
    expect([all[3].stdout, all[3].exitCode]).toEqual(['rs\n', 0]);
  });
});
