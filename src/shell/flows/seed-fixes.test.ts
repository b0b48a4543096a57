// Seed commands: a user's script named /hello is itself, history in bash (host and container), and the official
// ubuntu/debian images without procps (docker-library ubuntu/debian rootfs: no ps, as the lesson says).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('seed commands', () => {
  it('an image whose command is a script named /hello runs that script, not hello-world', async () => {
    const all = await steps(
      [
        'mkdir -p /root/h && cd /root/h',
        "printf 'FROM busybox\\nCOPY hello /hello\\nRUN chmod +x /hello\\nCMD [\"/hello\"]\\n' > Dockerfile",
        "printf '#!/bin/sh\\necho mine\\n' > hello",
        'docker build -q -t myhello .',
        'docker run --rm myhello',
      ].join('\n'),
    );
    expect([all[4].stdout, all[4].exitCode]).toEqual(['mine\n', 0]);
  });

  it('history lists the typed lines on the host and in a container bash; history -c clears it', async () => {
    const all = await steps(['echo a', 'history', 'history -c', 'history', 'docker run -it --name sh1 ubuntu bash', 'echo hi', 'history', 'alias ll="ls -l"; alias', 'exit'].join('\n'));
    expect(all[1].stdout).toBe('    1  echo a\n    2  history\n');
    expect(all[3].stdout).toBe('    1  history\n');
    expect(all[6].stdout).toBe('    1  echo hi\n    2  history\n');
    expect(all[7].stdout).toBe("alias ll='ls -l'\n");
  });

  it('ubuntu has no ps (the official image does not ship procps)', async () => {
    const [run] = await steps('docker run --rm ubuntu ps');
    expect([run.stderr.split('\n').slice(-2)[0], run.exitCode]).toEqual(['docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ps": executable file not found in $PATH: unknown.', 127]);
  });

  it('docker image rm repo@sha256:… untags that digest once and keeps an image a tag still holds (daemon/images/image_delete.go)', async () => {
    const all = await steps('docker pull -q nginx\nD=$(docker images --digests --format "{{.Digest}}" nginx)\ndocker image rm nginx@$D\ndocker images --format "{{.Repository}}:{{.Tag}} {{.Digest}}"\ndocker image rm nginx@$D');
    expect(all[2].stdout).toMatch(/^Untagged: nginx@sha256:[0-9a-f]{64}\n$/);
    expect(all[3].stdout).toBe('nginx:latest <none>\n');
    expect([all[4].stderr.startsWith('Error response from daemon: No such image: nginx@sha256:'), all[4].exitCode]).toEqual([true, 1]);
  });
});
