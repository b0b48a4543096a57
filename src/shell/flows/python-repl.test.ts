// Python's interactive prompt in a container's terminal: banner, >>> and ... prompts, values echoed, state kept
// between inputs, tracebacks, exit; as PID 1 (`docker run -it python`) and as an exec (`docker exec -it c python3`).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const BANNER = 'Python 3.13.1 (main, Dec  4 2024, 01:16:49) [GCC 12.2.0] on linux\r\nType "help", "copyright", "credits" or "license" for more information.\r\n';
const PS1 = '\x1b[1;35m>>> \x1b[0m';
const PS2 = '\x1b[1;35m... \x1b[0m';

async function session() {
  const s = createSession({ headless: true });
  await s.run('docker pull -q python');
  return s;
}

/** Type each line; what the terminal shows for it (output), and the prompt after it. */
async function typed(s: Awaited<ReturnType<typeof session>>, lines: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const l of lines) out.push([(await s.run(l)).output, s.prompt()]);
  return out;
}

describe('the Python prompt', () => {
  it('docker run -it python: the banner, then >>>; values are echoed, names kept, blocks end at a blank line', async () => {
    const s = await session();
    const r = await s.run('docker run -it --name py python');
    expect(r.output).toBe(BANNER);
    expect(s.prompt()).toBe(PS1);
    expect(await typed(s, ['1 + 2', 'x = 21', 'x * 2', "'hi ' * 2", 'None', '', 'def sq(n):', '    return n * n', '', 'sq(7)', '(1 +', ' 5)', '_'])).toEqual([
      ['3\n', PS1],
      ['', PS1],
      ['42\n', PS1],
      ["'hi hi '\n", PS1],
      ['', PS1],
      ['', PS1],
      ['', PS2],
      ['', PS2],
      ['', PS1],
      ['49\n', PS1],
      ['', PS2],
      ['6\n', PS1],
      ['6\n', PS1],
    ]);
    // the prompt is what the container's terminal showed: its log has the banner and every prompt and line
    await s.run('exit()');
    expect((await s.run('docker logs py')).stdout).toContain(`${BANNER}${PS1}1 + 2\r\n3\r\n${PS1}x = 21\r\n`);
  });

  it('an error prints a coloured traceback naming the input, and the prompt goes on with what was defined before', async () => {
    const s = await session();
    await s.run('docker run -it --rm python');
    await typed(s, ['n = 4', 'print(n)']);
    const [[zero], [name], [syntax], [after]] = await typed(s, ['n / 0', 'print(nope)', '1 +', 'n + 1']);
    expect(zero).toBe('Traceback (most recent call last):\n  File \x1b[35m"<python-input-2>"\x1b[0m, line \x1b[35m1\x1b[0m, in \x1b[35m<module>\x1b[0m\n    n / 0\n\x1b[1;35mZeroDivisionError\x1b[0m: \x1b[35mdivision by zero\x1b[0m\n');
    expect(name).toBe("Traceback (most recent call last):\n  File \x1b[35m\"<python-input-3>\"\x1b[0m, line \x1b[35m1\x1b[0m, in \x1b[35m<module>\x1b[0m\n    print(nope)\n\x1b[1;35mNameError\x1b[0m: \x1b[35mname 'nope' is not defined\x1b[0m\n");
    expect(syntax).toBe('  File \x1b[35m"<python-input-4>"\x1b[0m, line \x1b[35m1\x1b[0m\n    1 +\n       \x1b[1;31m^\x1b[0m\n\x1b[1;35mSyntaxError\x1b[0m: \x1b[35minvalid syntax\x1b[0m\n');
    // an input's output is shown once: the inputs before it are run again silently
    expect(after).toBe('5\n');
  });

  it('exit() ends PID 1, so the container exits 0 and --rm removes it; a bare exit works as in Python 3.13', async () => {
    const s = await session();
    await s.run('docker run -it --name py python');
    const r = await s.run('exit()');
    expect(r.output).toBe('');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe('py Exited (0) 1 second ago\n');
    await s.run('docker run -it --rm python');
    await s.run('exit');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run('docker ps -aq | wc -l')).stdout.trim()).toBe('1');
    await s.run('docker run -it --rm python');
    await s.run('raise SystemExit(3)');
    expect((await s.run('echo $?')).stdout).toBe('3\n');
  });

  it('docker exec -it c python3 opens the prompt in a running container, sees its files, and quit() ends only the exec', async () => {
    const s = await session();
    await s.run('docker run -d --name app -w /srv python sleep infinity');
    await s.run("docker exec app sh -c 'echo 42 > /srv/answer.txt'");
    const r = await s.run('docker exec -it app python3');
    expect(r.output).toBe(BANNER);
    expect(await typed(s, ['import os', 'os.getcwd()', "open('answer.txt').read()"])).toEqual([
      ['', PS1],
      ["'/srv'\n", PS1],
      ["'42\\n'\n", PS1],
    ]);
    await s.run('quit()');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run("docker ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^app Up \d+ seconds\n$/);
  });

  it('without a terminal python3 reads its program from stdin as before', async () => {
    const s = await session();
    expect((await s.run(`echo 'print(6 * 7)' | docker run --rm -i python`)).stdout).toBe('42\n');
    expect((await s.run('docker run --rm python')).stdout).toBe('');
  });
});
