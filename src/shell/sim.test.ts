// The headless runner contract (DESIGN.md): typed lines, `$ line` transcripts, --json objects, seeds.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript, typedLines } from './sim';
import { createSession } from './session';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('runScript', () => {
  it('same seed, same bytes; another seed, other ids', async () => {
    const script = 'docker run -d nginx\ndocker ps -a\ndocker inspect -f "{{.Name}} {{.Created}}" $(docker ps -aq)';
    const all = async (seed: number) => {
      let out = '';
      for await (const st of runScript(script, { seed })) out += st.line + st.output;
      return out;
    };
    expect(await all(5)).toBe(await all(5));
    expect(await all(5)).not.toBe(await all(6));
  });
});

describe('typedLines', () => {
  it('drops comments and blank lines, keeps heredocs and continuations whole', () => {
    const s = createSession({ headless: true });
    const text = '# setup\ndocker ps\n\ncat <<EOF > a.txt\nx\n# not a comment inside\nEOF\ndocker run \\\n  --rm hello-world\n';
    expect([...typedLines(text, (t) => s.needsMoreInput(t))]).toEqual(['docker ps', 'cat <<EOF > a.txt\nx\n# not a comment inside\nEOF', 'docker run \\\n  --rm hello-world']);
  });
});

describe('npm run --silent sim', () => {
  it('prints a transcript, or one JSON object per typed line with --json, from a file or stdin', () => {
    const script = 'docker run --name greet ubuntu echo hi\necho $?\ndocker rm nope\n';
    const run = (args: string[]) => execFileSync('node', ['--import', 'tsx', 'src/shell/sim-cli.ts', ...args], { cwd: ROOT, input: script, encoding: 'utf8' });
    const text = run(['-']);
    expect(text).toMatch(/^\$ docker run --name greet ubuntu echo hi\nUnable to find image 'ubuntu:latest' locally\nlatest: Pulling from library\/ubuntu\n[0-9a-f]{12}: Pull complete \nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for ubuntu:latest\nhi\n\$ echo \$\?\n0\n\$ docker rm nope\nError response from daemon: No such container: nope\n$/);
    const lines = run(['--json', '--seed', '3', '-']).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.exitCode])).toEqual([
      ['docker run --name greet ubuntu echo hi', 0],
      ['echo $?', 0],
      ['docker rm nope', 1],
    ]);
    expect(lines[0].stdout).toBe('hi\n');
    expect(lines[2]).toEqual({ line: 'docker rm nope', stdout: '', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  }, 60_000);
});
