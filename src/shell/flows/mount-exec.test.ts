// Programs that live on a volume or a bind mount: runc finds them (the mounts are in place before exec), with runc's errors when it cannot.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps, transcript } from '../transcript';

const run = async (script: string) => {
  const out = normalizeIds(await transcript(`docker pull -q busybox\n${script}`));
  return out.slice(out.indexOf('\n$ ', out.indexOf('$ docker pull -q busybox')) + 1);
};

const OCI = 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init:';

describe('a script on a bind mount', () => {
  it('runs by absolute path and from the working directory, with the host file as it is now', async () => {
    expect(
      await run(`mkdir app
printf '#!/bin/sh\\necho hi from $PWD\\n' > app/run.sh
chmod +x app/run.sh
docker run --rm -v /root/app:/app busybox /app/run.sh
docker run --rm -v /root/app:/app -w /app busybox ./run.sh
echo 'echo edited' >> app/run.sh
docker run --rm -v /root/app:/app busybox /app/run.sh`),
    ).toBe(`$ mkdir app
$ printf '#!/bin/sh\\necho hi from $PWD\\n' > app/run.sh
$ chmod +x app/run.sh
$ docker run --rm -v /root/app:/app busybox /app/run.sh
hi from /
$ docker run --rm -v /root/app:/app -w /app busybox ./run.sh
hi from /app
$ echo 'echo edited' >> app/run.sh
$ docker run --rm -v /root/app:/app busybox /app/run.sh
hi from /
edited
`);
  });

  it('missing → stat error (127), not executable or a directory → 126; no container is left running', async () => {
    const all = await steps(`docker pull -q busybox
mkdir app
echo 'echo hi' > app/plain.sh
docker run --rm -v /root/app:/app busybox /app/run.sh
docker run --rm -v /root/app:/app -w /app busybox ./run.sh
docker run --rm -v /root/app:/app busybox /app/plain.sh
docker run --rm -v /root/app:/app busybox /app
docker run --rm -v /root/app:/app busybox run.sh
docker ps -q`);
    expect(all.slice(3).map((s) => [s.stderr, s.exitCode])).toEqual([
      [`${OCI} exec: "/app/run.sh": stat /app/run.sh: no such file or directory: unknown.\n`, 127],
      [`${OCI} exec: "./run.sh": stat ./run.sh: no such file or directory: unknown.\n`, 127],
      [`${OCI} exec: "/app/plain.sh": permission denied: unknown.\n`, 126],
      [`${OCI} exec: "/app": is a directory: unknown.\n`, 126],
      [`${OCI} exec: "run.sh": executable file not found in $PATH: unknown.\n`, 127],
      ['', 0],
    ]);
    expect(all[all.length - 1].stdout).toBe('');
  });

  it('docker start stats the host file again: made executable after create, then deleted', async () => {
    expect(
      await run(`mkdir app
echo 'echo started' > app/run.sh
docker create --name job -v /root/app:/app busybox /app/run.sh
docker start job
chmod +x app/run.sh
docker start -a job
rm app/run.sh
docker start job`),
    ).toBe(`$ mkdir app
$ echo 'echo started' > app/run.sh
$ docker create --name job -v /root/app:/app busybox /app/run.sh
<id64>
$ docker start job
Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/app/run.sh": permission denied: unknown
Error: failed to start containers: job
$ chmod +x app/run.sh
$ docker start -a job
started
$ rm app/run.sh
$ docker start job
Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/app/run.sh": stat /app/run.sh: no such file or directory: unknown
Error: failed to start containers: job
`);
  });
});

describe('a script on a volume', () => {
  it('written by one container, run by another, and by docker exec', async () => {
    expect(
      await run(`docker run --rm -v data:/data busybox sh -c 'printf "#!/bin/sh\\necho args: \\$*\\n" > /data/script.sh; chmod +x /data/script.sh'
docker run --rm -v data:/data busybox /data/script.sh a b
docker run -d --name box -v data:/data busybox sleep 1000
docker exec box /data/script.sh c
docker exec box /data/nope.sh`),
    ).toBe(`$ docker run --rm -v data:/data busybox sh -c 'printf "#!/bin/sh\\necho args: \\$*\\n" > /data/script.sh; chmod +x /data/script.sh'
$ docker run --rm -v data:/data busybox /data/script.sh a b
args: a b
$ docker run -d --name box -v data:/data busybox sleep 1000
<id64>
$ docker exec box /data/script.sh c
args: c
$ docker exec box /data/nope.sh
OCI runtime exec failed: exec failed: unable to start container process: exec: "/data/nope.sh": stat /data/nope.sh: no such file or directory: unknown\r
`);
  });

  it('a tmpfs starts empty: what the image has under it is hidden from the process', async () => {
    const all = await steps(`docker pull -q busybox
docker run --rm --tmpfs /bin busybox /bin/echo hi`);
    expect([all[1].stderr, all[1].exitCode]).toEqual([`${OCI} exec: "/bin/echo": stat /bin/echo: no such file or directory: unknown.\n`, 127]);
  });

  it('docker start -a passes the daemon error on as it is (exit 1), unlike docker run (docker: …, 127)', async () => {
    const all = await steps(`docker pull -q busybox
docker create --name bad busybox /nope.sh
docker start -a bad
docker run --rm busybox /nope.sh`);
    const why = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/nope.sh": stat /nope.sh: no such file or directory: unknown';
    expect([all[2].stdout, all[2].stderr, all[2].exitCode]).toEqual(['', `Error response from daemon: ${why}\n`, 1]);
    expect([all[3].stderr.split('\n')[0], all[3].exitCode]).toEqual([`docker: Error response from daemon: ${why}.`, 127]);
  });
});
