// The headless session end to end: shell features around docker, state carried between lines, exit codes.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { steps, transcript } from './transcript';

describe('host shell', () => {
  it('keeps cwd and environment between typed lines', async () => {
    const s = createSession({ headless: true });
    await s.run('cd /tmp && export GREETING=hi');
    expect(s.prompt()).toBe('root@dockerlings:/tmp# ');
    const r = await s.run('pwd; echo $GREETING');
    expect(r.stdout).toBe('/tmp\nhi\n');
    await s.run('cd');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
  });

  it('pipes, redirection, heredocs and $(...) work around docker', async () => {
    const out = await transcript(
      [
        'docker run --name one hello-world > /dev/null',
        'docker run --name two hello-world | grep -c Docker',
        'docker ps -aq > ids.txt',
        'wc -l < ids.txt',
        'docker rm $(docker ps -aq)',
        'cat <<EOF > note.txt',
        'containers: $(docker ps -aq | wc -l)',
        'EOF',
        'cat note.txt',
      ].join('\n'),
    );
    // 7 lines of the hello-world message contain "Docker"
    expect(out).toContain('$ docker run --name two hello-world | grep -c Docker\n7\n');
    expect(out).toContain('$ wc -l < ids.txt\n2\n');
    expect(out).toMatch(/\$ docker rm \$\(docker ps -aq\)\n[0-9a-f]{12}\n[0-9a-f]{12}\n/);
    expect(out).toContain('$ cat note.txt\ncontainers: 0\n');
  });

  it('sets $? from docker exit codes', async () => {
    const all = await steps('docker nosuch\necho $?\ndocker rm nope\necho $?');
    expect(all.map((s) => s.exitCode)).toEqual([1, 0, 1, 0]);
    expect(all[1].stdout).toBe('1\n');
  });

  it('needsMoreInput sees open quotes, continuations and unterminated heredocs', () => {
    const s = createSession({ headless: true });
    expect(s.needsMoreInput("echo 'abc")).toBe(true);
    expect(s.needsMoreInput('docker run \\')).toBe(true);
    expect(s.needsMoreInput('cat <<EOF\nhello')).toBe(true);
    expect(s.needsMoreInput('cat <<EOF\nhello\nEOF')).toBe(false);
    expect(s.needsMoreInput('docker ps |')).toBe(true);
    expect(s.needsMoreInput('docker ps')).toBe(false);
  });

  it('completes commands, docker subcommands, flags and container names', async () => {
    const s = createSession({ headless: true });
    await s.run('docker run --name web-1 hello-world');
    expect(await s.complete('doc', 3)).toEqual({ from: 0, candidates: ['docker'] });
    expect((await s.complete('docker ima', 10)).candidates).toEqual(['image', 'images']);
    expect((await s.complete('docker ps --no', 14)).candidates).toEqual(['--no-trunc']);
    expect(await s.complete('docker rm we', 12)).toEqual({ from: 10, candidates: ['web-1'] });
  });

  it('is deterministic: same seed, same bytes', async () => {
    const script = 'docker run -d nginx\ndocker run hello-world\ndocker ps -a';
    expect(await transcript(script, 7)).toBe(await transcript(script, 7));
    expect(await transcript(script, 7)).not.toBe(await transcript(script, 8));
  });
});
