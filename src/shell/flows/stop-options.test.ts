// --stop-signal and --stop-timeout of docker run/create: stored in Config, used by docker stop, checked by the daemon
// (docker/cli v27.5.1 cli/command/container/opts.go:203-204,653-658; moby v27.5.1 daemon/container.go:258-262,
// container/container.go:563-581).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q busybox', ...lines].join('\n'));
  return all.slice(1).map((s) => [s.stdout.replace(/^[0-9a-f]{64}\n$/, '<id>\n'), s.stderr, s.exitCode]);
}

describe('docker run/create --stop-signal --stop-timeout', () => {
  it('are kept in Config and shown by inspect', async () => {
    expect(await run(['docker create --name c10 --stop-signal SIGINT --stop-timeout 5 busybox true', "docker inspect -f '{{.Config.StopSignal}} {{.Config.StopTimeout}}' c10"])).toEqual([
      ['<id>\n', '', 0],
      ['SIGINT 5\n', '', 0],
    ]);
  });

  it('docker stop waits the container\'s stop timeout before SIGKILL, and -t overrides it', async () => {
    const wait = (name: string, t = '') => `a=$(date +%s); docker stop ${t}${name} >/dev/null; b=$(date +%s); echo $((b - a))`;
    expect(
      await run([
        "docker run -d --name s3 --stop-timeout 3 busybox sh -c 'while true; do sleep 1; done' >/dev/null",
        "docker run -d --name s10 busybox sh -c 'while true; do sleep 1; done' >/dev/null",
        "docker run -d --name s30 --stop-timeout 30 busybox sh -c 'while true; do sleep 1; done' >/dev/null",
        wait('s3'),
        wait('s10'),
        wait('s30', '-t 1 '),
        "docker inspect -f '{{.State.ExitCode}}' s3",
      ]),
    ).toEqual([
      ['', '', 0],
      ['', '', 0],
      ['', '', 0],
      ['3\n', '', 0],
      ['10\n', '', 0],
      ['1\n', '', 0],
      ['137\n', '', 0],
    ]);
  });

  it('a bad signal is the daemon\'s error and creates nothing; a bad timeout is a flag error', async () => {
    expect(await run(['docker run --rm --stop-signal BOGUS busybox true', 'docker run --stop-timeout=abc busybox true', 'docker ps -aq | wc -l'])).toEqual([
      ['', "docker: Error response from daemon: invalid signal: BOGUS.\nSee 'docker run --help'.\n", 125],
      ['', 'invalid argument "abc" for "--stop-timeout" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'docker run --help\'.\n', 125],
      ['0\n', '', 0],
    ]);
  });
});
