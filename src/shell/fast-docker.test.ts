// Plain docker lines run without just-bash end exactly as through it: every conformance transcript step by step, shadowed docker, huge output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Bash, defineCommand } from 'just-bash';
import { createSession, type SessionOptions } from './session';
import { plainDockerArgs, replayableDocker, runPlainDocker } from './fast-docker';
import { HostFs } from './host-fs';
import { BASH_BASE, liveLimits } from './bash-options';

const TRANSCRIPTS = join(__dirname, '../../conformance/transcripts');
const transcripts = readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.txt')).sort();
const linesOf = (f: string) => readFileSync(join(TRANSCRIPTS, f), 'utf8').split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));

/** Everything a step leaves behind that a learner or a later step can see. */
async function step(s: ReturnType<typeof createSession>, line: string) {
  const r = await s.run(line);
  const c = await s.checkpoint();
  return { line, result: r, prompt: s.prompt(), env: c.env, files: c.files, history: c.history, journal: s.journal(), transcript: s.transcript(), state: s.engine.state };
}

/** Run `lines` in a session with the fast path and one without, comparing them after every line; how many went fast. */
async function compare(opts: SessionOptions, lines: string[]): Promise<number> {
  // just-bash's file system stamps some entries with the real clock (the files it makes with a session, symbolic links,
  // a folder a new file lands in): stopped, so that both sessions' files can be compared
  vi.useFakeTimers({ toFake: ['Date'], now: 0 });
  try {
    const fast = createSession({ ...opts, fastDocker: true });
    const slow = createSession({ ...opts, fastDocker: false });
    const execs = vi.spyOn(Bash.prototype, 'exec');
    let skipped = 0;
    for (const line of lines) {
      const n0 = execs.mock.calls.length;
      const a = await step(fast, line);
      const n1 = execs.mock.calls.length;
      const b = await step(slow, line);
      expect(a).toEqual(b);
      // the fast session left just-bash out of this line (one exec fewer than the other: the host shell's)
      if (n1 - n0 < execs.mock.calls.length - n1) skipped++;
    }
    execs.mockRestore();
    return skipped;
  } finally {
    vi.useRealTimers();
  }
}

describe('plain docker lines without just-bash', () => {
  it('reads only docker and plain words', () => {
    expect(plainDockerArgs('docker run -d --name=web -p 8080:80 -e A=b nginx:1.27')).toEqual(['run', '-d', '--name=web', '-p', '8080:80', '-e', 'A=b', 'nginx:1.27']);
    expect(plainDockerArgs('  docker \tps  ')).toEqual(['ps']);
    expect(plainDockerArgs('docker')).toEqual([]);
    expect(plainDockerArgs("docker run busybox echo 'a b'")).toEqual(['run', 'busybox', 'echo', 'a b']);
    expect(plainDockerArgs(`docker ps --format 'table {{.Names}}\\t{{.Status}}' -f "name=w*"`)).toEqual(['ps', '--format', 'table {{.Names}}\\t{{.Status}}', '-f', 'name=w*']);
    expect(plainDockerArgs(`docker network inspect -f "{{.Name}}" bridge`)).toEqual(['network', 'inspect', '-f', '{{.Name}}', 'bridge']);
    expect(plainDockerArgs(`docker ps --format "table {{.Names}}\\t{{.Status}}\\n"`)).toEqual(['ps', '--format', 'table {{.Names}}\\t{{.Status}}\\n']);
    expect(plainDockerArgs(`docker run -e A="x y"'$z'"" busybox echo '' "it's" '"' ~'~'`)).toBeNull(); // ~ starts a word
    expect(plainDockerArgs(`docker run -e A="x y"'$z'"" busybox echo '' "it's" '"' a'~'`)).toEqual(['run', '-e', 'A=x y$z', 'busybox', 'echo', '', "it's", '"', 'a~']);
    for (const l of ['docker ps | wc -l', 'docker ps > f', 'docker run busybox echo $HOME', 'docker run busybox echo "$HOME"', 'docker run busybox echo "`id`"', 'docker run busybox echo "a\\"b"', 'docker run busybox echo "a\\\\b"', 'docker run busybox echo "a\\$b"', 'docker run busybox echo "a\\`b"', 'docker run busybox echo "a\\!"', "docker run busybox echo 'a", 'docker run busybox echo "a', "docker run busybox echo 'a!'", 'docker run busybox echo "a!"', "docker ps --format 'x'>f", "docker ps 'a'|wc", "docker ps 'a\nb'", 'docker ps # c', 'docker ps; ls', 'docker rm *', 'docker run -v ~/x:/x busybox', 'A=1 docker ps', 'time docker ps', 'dockerd', 'docker ps\nls', 'docker echo a\\ b', 'docker {ps,images}', 'docker ps &', 'docker !!'])
      expect(plainDockerArgs(l)).toBeNull();
  });

  it.each(transcripts)('conformance transcript %s', async (f) => {
    const lines = linesOf(f);
    const fast = await compare({ seed: 1, headless: true, terminal: false }, ['docker pull -q busybox >/dev/null', 'clear', ...lines]);
    expect(fast).toBeGreaterThan(0);
    expect(fast).toBe(lines.filter((l) => plainDockerArgs(l)).length);
  }, 120_000);

  it('a docker shadowed by an alias, a script on PATH or a PATH without it, and a host without docker', async () => {
    const fast = await compare({ seed: 7, headless: true }, [
      'docker ps',
      'alias docker="echo aliased"',
      'docker ps',
      'shopt -s expand_aliases',
      'docker ps',
      'unalias docker',
      'docker ps',
      'mkdir -p /usr/local/bin && printf "#!/bin/bash\\necho mine \\"\\$@\\"\\n" > /usr/local/bin/docker',
      'docker ps',
      'chmod +x /usr/local/bin/docker',
      'docker ps -a',
      'rm /usr/local/bin/docker',
      'docker ps',
      'export DOCKER_HOST=tcp://nowhere:2375',
      'docker ps',
      'unset DOCKER_HOST',
      'PATH=/nowhere',
      'docker ps',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'docker run -d --name w busybox sleep 100',
      'cd /tmp',
      'docker cp w:/etc/hostname .',
      'docker nonsense',
      'docker run --name w busybox',
      'false',
      'docker ps -q',
      'dockerlings-host bare',
      'docker ps',
      'docker version',
    ]);
    // fast: the first docker ps, and again after unalias, with a script on PATH that is not executable yet, after rm, and
    // with DOCKER_HOST; then run, cp, nonsense, the failing run and ps -q. The alias, the executable script, a PATH
    // without docker and the bare host (no docker on PATH until it is installed) are left to just-bash.
    expect(fast).toBe(10);
  }, 120_000);

  it('quoted words: templates, filters, empty and odd arguments', async () => {
    const lines = [
      'docker run -d --name web -p 8080:80 busybox sleep 1000',
      'docker run -d --name "second one" busybox sleep 1000',
      "docker run -d --name 'db' -e 'A=x y' -e B=\"two  spaces\" busybox sleep 1000",
      'docker ps --format "{{.Names}}"',
      "docker ps --format 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}'",
      "docker ps -a --filter 'name=d' --format '{{json .Names}}'",
      'docker network inspect -f "{{.Name}}" bridge',
      "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' bridge",
      'docker inspect -f "{{.Config.Env}}" db',
      "docker inspect --format='{{.State.Status}}' web",
      'docker inspect -f "{{.Nope" web',
      "docker run --rm busybox echo '' \"it's\" 'a\\b' \"*\" '{a,b}' '#x'",
      "docker ps --format ''",
      'docker ps -q --filter "status=running"',
      "docker logs ''",
      "docker run --rm busybox sh -c 'echo $HOME; echo `id -u`'",
      'docker ps --format "table {{.Names}}\\t{{.Status}}"',
      'docker inspect -f "{{.Name}}\\t{{.State.Status}}\\x" web',
      'docker ps --format "{{.Names}}" | sort',
    ];
    const fast = await compare({ seed: 11, headless: true }, ['docker pull -q busybox >/dev/null', ...lines]);
    expect(fast).toBe(lines.length - 1);
  }, 120_000);

  it('a docker command that throws or prints past the output limit ends as just-bash ends it (it is handed the result)', async () => {
    const env = { HOME: '/root', PATH: '/usr/bin:/bin', PWD: '/root', '?': '0' };
    const opts = { env, replaceEnv: true, cwd: '/root', rawScript: true };
    const throws = defineCommand('docker', async () => {
      throw new Error('boom');
    });
    const floods = defineCommand('docker', async (args) => ({ stdout: 'x'.repeat(17 * 1024 * 1024), stderr: args.join(' '), exitCode: 0 }));
    for (const inner of [throws, floods]) {
      const direct = await new Bash({ ...BASH_BASE, executionLimits: liveLimits(true), fs: new HostFs(() => 0), cwd: '/root', env, customCommands: [inner] }).exec('docker ps -a', opts);
      const docker = replayableDocker(inner);
      const bash = new Bash({ ...BASH_BASE, executionLimits: liveLimits(true), fs: new HostFs(() => 0), cwd: '/root', env, customCommands: [docker.command] });
      const fs = (bash as unknown as { fs: HostFs }).fs;
      expect(await runPlainDocker('docker ps -a', { bash, fs, env, prev: 0, docker, inner })).toBe('replay');
      const replayed = await bash.exec('docker ps -a', opts);
      expect({ ...replayed, stdout: replayed.stdout.length }).toEqual({ ...direct, stdout: direct.stdout.length });
      expect(direct.stderr).toMatch(inner === throws ? /^docker: boom/ : /output size exceeded/);
    }
  });
});
