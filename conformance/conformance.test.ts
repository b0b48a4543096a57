// Replays every transcript through the simulator and compares it with the real daemon's recording: steps that
// matched must keep matching, declared differences must give the v27 text, and the known defects are listed exactly.
import { describe, expect, it } from 'vitest';
import { replay, type StepResult } from './replay.ts';
import { DIFFERENCES } from './differences.ts';
import { DECLARED_RULES, GROUP_USAGE } from './rules.ts';
import { readRecording, readTranscript, transcriptNames } from './transcript.ts';

const names = transcriptNames();

describe('conformance recordings', () => {
  it.each(names)('%s: the recording is of the current transcript', (name) => {
    expect(readRecording(name).steps.map((s) => s.line)).toEqual(readTranscript(name));
  });

  it('every listed difference names an existing step by its typed line', () => {
    const lines = new Map(names.flatMap((n) => readTranscript(n).map((l, i): [string, string] => [`${n}#${i + 1}`, l])));
    for (const d of DIFFERENCES) expect(lines.get(d.step), d.step).toBe(d.line);
    expect(new Set(DIFFERENCES.map((d) => d.step)).size).toBe(DIFFERENCES.length);
  });
});

describe('conformance replay', () => {
  const all: StepResult[] = [];
  it.each(names)('%s', async (name) => {
    const results = await replay(name);
    all.push(...results);
    const listed = (kinds: string[]) => DIFFERENCES.filter((d) => d.step.startsWith(`${name}#`) && kinds.includes(d.kind)).map((d) => d.step);
    const show = (r: StepResult) => `${r.key} ${r.line}`;
    // known defects fail, and nothing else does (a defect that starts matching moves to the matching set)
    expect(results.filter((r) => r.verdict === 'fail').map(show)).toEqual(results.filter((r) => listed(['fixing', 'defect']).includes(r.key)).map(show));
    // a declared difference holds: the recording rewritten to the v27 text equals the simulator's output
    expect(results.filter((r) => r.verdict === 'declared').map(show)).toEqual(results.filter((r) => listed(['declared']).includes(r.key)).map(show));
  }, 120_000);

  // the goal is 95%; this floor is the rate reached so far and only moves up
  const FLOOR = 0.99;
  it(`compares at least 400 steps, at least ${FLOOR * 100}% matching or declared`, () => {
    if (all.length < names.length) return; // a filtered run (-t) does not see every transcript
    const ok = all.filter((r) => r.verdict !== 'fail').length;
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(ok / all.length).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe('declared differences give the v27 text', () => {
  const cases: [keyof typeof DECLARED_RULES, string, string, string][] = [
    ['cli-run-error', 'docker run --name r1 busybox true',
      'docker: Error response from daemon: Conflict. The container name "/r1" is already in use.\n\nRun \'docker run --help\' for more information\n',
      'docker: Error response from daemon: Conflict. The container name "/r1" is already in use.\nSee \'docker run --help\'.\n'],
    ['cli-run-start-error', 'docker run busybox nope',
      'docker: Error response from daemon: exec: "nope": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
      'docker: Error response from daemon: exec: "nope": executable file not found in $PATH: unknown.\n'],
    ['cli-flag-error', 'docker run --bogus busybox',
      "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      "unknown flag: --bogus\nSee 'docker run --help'.\n"],
    ['cli-arg-count', 'docker rm',
      "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n",
      "\"docker rm\" requires at least 1 argument.\nSee 'docker rm --help'.\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n"],
    ['cli-arg-count', 'docker logs',
      "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n",
      "\"docker logs\" requires exactly 1 argument.\nSee 'docker logs --help'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n"],
    ['cli-unknown-command', 'docker bogus',
      "docker: unknown command: docker bogus\n\nRun 'docker --help' for more information\n",
      "docker: 'bogus' is not a docker command.\nSee 'docker --help'\n"],
    ['engine-start-error', 'docker start c',
      'Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "x": executable file not found in $PATH: unknown\n',
      'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "x": executable file not found in $PATH: unknown\n'],
    ['engine-not-running', 'docker pause c', `Error response from daemon: Container ${'a'.repeat(64)} is not running\n`, `Error response from daemon: container ${'a'.repeat(64)} is not running\n`],
    ['engine-kill', 'docker kill -s BOGUS nosuch', 'Error response from daemon: Invalid signal: BOGUS\n', 'Error response from daemon: cannot kill container: nosuch: Invalid signal: BOGUS\n'],
    ['engine-kill', 'docker kill lc', `Error response from daemon: Cannot kill container: lc: Container ${'b'.repeat(64)} is not running\n`, `Error response from daemon: cannot kill container: lc: Container ${'b'.repeat(64)} is not running\n`],
    ['engine-rm-running', 'docker rm lc',
      `Error response from daemon: You cannot remove a running container ${'c'.repeat(64)}. Stop the container before attempting removal or force remove\n`,
      'Error response from daemon: cannot remove container "/lc": container is running: stop the container before removing or force remove\n'],
    ['engine-invalid-filter', 'docker ps --filter status=bogus', "Error response from daemon: Invalid filter 'status=bogus'\n", "Error response from daemon: invalid filter 'status=bogus'\n"],
    ['cli-attach-detach', 'docker run -d -a stdout busybox true', 'conflicting options: cannot specify both --attach and --detach\n', 'Conflicting options: -a and -d\n'],
    ['cli-restart-rm', 'docker run --rm --restart always busybox true', 'docker: conflicting options: cannot specify both --restart and --rm\n', 'docker: Conflicting options: --restart and --rm\n'],
    ['engine-restart-policy', 'docker run --restart bogus busybox true', "docker: Error response from daemon: invalid restart policy 'bogus'\n", "docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n"],
    ['engine-no-such-image', 'docker image inspect nosuch', 'Error response from daemon: no such image: nosuch: No such image: nosuch:latest\n', 'Error response from daemon: No such image: nosuch:latest\n'],
    ['cli-group-unknown', 'docker container bogus', "docker: unknown command: docker container bogus\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n", '\n' + GROUP_USAGE['docker container']],
    ['cli-status-only', 'docker network rm nosuch', 'Error response from daemon: network nosuch not found\nexit status 1\n', 'Error response from daemon: network nosuch not found\n'],
    ['env-pulled-busybox', 'docker rmi -f busybox', `Untagged: busybox:latest\nDeleted: sha256:${'d'.repeat(64)}\n`, `Untagged: busybox:latest\nUntagged: busybox@sha256:${'0'.repeat(64)}\nDeleted: sha256:${'d'.repeat(64)}\n`],
    ['engine-pool-overlap', 'docker network create --subnet 10.10.0.0/24 x', 'Error response from daemon: Pool overlaps with other one on this address space\n', 'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n'],
    ['cli-inspect-type', 'docker inspect --type bogus x', 'unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n', '"bogus" is not a valid value for --type\n'],
    ['engine-network-mode', "docker inspect -f '{{.HostConfig.NetworkMode}}' c", 'default\n', 'bridge\n'],
    ['engine-validate-ipam', 'docker network create --subnet bogus bad', 'Error response from daemon: Invalid subnet bogus : invalid CIDR address: bogus\n', 'Error response from daemon: invalid network config:\ninvalid subnet bogus: invalid CIDR block notation\n'],
    ['engine-endpoint-settings', 'docker run --rm --network bridge --ip 172.17.0.99 busybox true', 'docker: Error response from daemon: user specified IP address is supported on user defined networks only\n', 'docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only\n'],
    ['engine-commit-change', "docker commit -c 'BOGUS x' c x", 'Error response from daemon: bogus is not a valid change command\n', 'Error response from daemon: BOGUS is not a valid change command\n'],
    ['env-vfs-driver', "docker inspect -f '{{.Driver}}' c", 'vfs\n', 'overlay2\n'],
    ['env-fresh-docker0', 'docker network inspect bridge', '172.17.0.0/16\n', '172.17.0.0/16 172.17.0.1\n'],
    ['cli-group-help', 'docker volume', 'Usage:  docker volume COMMAND\n\nManage volumes\n', '\nUsage:  docker volume COMMAND\n\nManage volumes\n'],
    ['engine-aliases-short-id', "docker inspect -f '{{.NetworkSettings.Networks.n.Aliases}}' c", '[web 0123456789ab]\n', '[web]\n'],
    ['env-fresh-docker0', "docker network inspect -f '{{.IPAM.Config}}' bridge", '[{172.17.0.0/16   map[]}]\n', '[{172.17.0.0/16  172.17.0.1 map[]}]\n'],
    ['engine-ipv6-lo', 'docker run --rm --network none busybox ip -o addr show | wc -l', '1\n', '2\n'],
    ['cli-stop-time', 'docker stop -t abc c', 'invalid argument "abc" for "-t, --timeout" flag: x\n', 'invalid argument "abc" for "-t, --time" flag: x\n'],
  ];
  it.each(cases)('%s: %s', (rule, line, recorded, v27) => {
    expect(DECLARED_RULES[rule].apply(recorded, line)).toBe(v27);
  });
  it('every rule has a test case and cites its source', () => {
    for (const [id, r] of Object.entries(DECLARED_RULES)) {
      expect(cases.some((c) => c[0] === id), id).toBe(true);
      expect(r.source).toMatch(/v27\.5\.1 \S+\.go:\d+/);
    }
  });
});
