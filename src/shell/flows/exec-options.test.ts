// docker exec -w / -e / -u run the process where, with what and as whom they say (cli/command/container/exec.go,
// moby daemon/exec.go: WorkingDir/User of the exec config win over the container's, Env is ReplaceOrAppendEnvValues).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const SETUP = 'docker run -d --name box -e A=1 -w /srv busybox sleep 1000';

async function after(lines: string[]) {
  const all = await steps([SETUP, ...lines].join('\n'));
  return all.slice(1).map((s) => [s.stdout, s.stderr, s.exitCode]);
}

describe('docker exec options', () => {
  it('-w sets the working directory; without it the container WorkingDir', async () => {
    expect(await after(['docker exec -w /tmp box pwd', 'docker exec box pwd'])).toEqual([
      ['/tmp\n', '', 0],
      ['/srv\n', '', 0],
    ]);
  });

  it('-w to a missing directory is runc\'s chdir error, exit 126', async () => {
    expect(await after(['docker exec -w /nope box pwd'])).toEqual([
      // written into the hijacked stream: stdout, CRLF (as recorded from a real daemon, conformance 04-exec#21)
      ['OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\r\n', '', 126],
    ]);
  });

  it('-e replaces or adds variables; a bare NAME takes the client\'s value or is dropped', async () => {
    expect(await after(['docker exec -e A=2 -e B=3 box sh -c \'echo $A $B\'', 'export HV=hv; docker exec -e HV -e NOPE box sh -c \'echo "$HV" "${NOPE-unset}" $A\''])).toEqual([
      ['2 3\n', '', 0],
      ['hv unset 1\n', '', 0],
    ]);
  });

  it('-u runs the process as that user (name, or uid:gid)', async () => {
    expect(await after(['docker exec -u nobody box id', 'docker exec -u 1000:1000 box id', 'docker exec box whoami'])).toEqual([
      ['uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n', '', 0],
      ['uid=1000 gid=1000 groups=1000\n', '', 0],
      ['root\n', '', 0],
    ]);
  });

  it('exec into a paused container names it as typed (daemon/exec.go errExecPaused)', async () => {
    expect(await after(['docker pause box', 'docker exec box true'])).toEqual([
      ['box\n', '', 0],
      ['', 'Error response from daemon: Container box is paused, unpause the container before exec\n', 1],
    ]);
  });
});
