// Language prompts in a container's terminal: Python's and node's banner, prompts, values echoed, state kept between
// inputs, errors, exit; as PID 1 (`docker run -it python`, `docker run -it node`) and as an exec (`docker exec -it`).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const BANNER = 'Python 3.13.1 (main, Dec  4 2024, 01:16:49) [GCC 12.2.0] on linux\r\nType "help", "copyright", "credits" or "license" for more information.\r\n';
const PS1 = '\x1b[1;35m>>> \x1b[0m';
const PS2 = '\x1b[1;35m... \x1b[0m';

async function session(image = 'python') {
  const s = createSession({ headless: true });
  await s.run(`docker pull -q ${image}`);
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

describe("node's prompt", () => {
  const NODE_BANNER = 'Welcome to Node.js v22.12.0.\r\nType ".help" for more information.\r\n';
  const y = (v: string) => `\x1b[33m${v}\x1b[39m`;
  const UNDEFINED = '\x1b[90mundefined\x1b[39m\n';

  it('docker run -it node (through docker-entrypoint.sh): the banner, then >; values in colour, declarations kept, blocks go on while open', async () => {
    const s = await session('node');
    expect((await s.run('docker run -it --name nd node')).output).toBe(NODE_BANNER);
    expect(s.prompt()).toBe('> ');
    expect(
      await typed(s, ['1 + 2', 'let x = 5', 'x * 2', "'hi'", "({ a: 1, b: 'two', c: [1, null, undefined] })", "console.log('printed')", 'function sq(n) {', '  return n * n', '}', 'sq(7)', '']),
    ).toEqual([
      [y('3') + '\n', '> '],
      [UNDEFINED, '> '],
      [y('10') + '\n', '> '],
      ["\x1b[32m'hi'\x1b[39m\n", '> '],
      [`{ a: ${y('1')}, b: \x1b[32m'two'\x1b[39m, c: [ ${y('1')}, \x1b[1mnull\x1b[22m, \x1b[90mundefined\x1b[39m ] }\n`, '> '],
      ['printed\n' + UNDEFINED, '> '],
      ['', '... '],
      ['', '... '],
      [UNDEFINED, '> '],
      [y('49') + '\n', '> '],
      ['', '> '],
    ]);
  });

  it('errors say Uncaught and the prompt goes on; .help lists the commands; process.exit(n) ends the container with n', async () => {
    const s = await session('node');
    await s.run('docker run -it --name nd node');
    expect(await typed(s, ['const k = 2', 'nope', "throw new Error('boom')", 'k + 1'])).toEqual([
      [UNDEFINED, '> '],
      ['Uncaught ReferenceError: nope is not defined\n', '> '],
      ['Uncaught Error: boom\n', '> '],
      [y('3') + '\n', '> '],
    ]);
    expect((await s.run('.help')).output).toBe('.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the REPL\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
    await s.run('process.exit(3)');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^nd Exited \(3\) /);
  });

  it('docker exec -it c node opens the prompt beside the running app; .exit leaves it running', async () => {
    const s = await session('node');
    await s.run('docker run -d --name app -e GREETING=hola node sleep infinity');
    expect((await s.run('docker exec -it app node')).output).toBe(NODE_BANNER);
    expect(await typed(s, ['process.env.GREETING', 'require("os").hostname().length'])).toEqual([
      ["\x1b[32m'hola'\x1b[39m\n", '> '],
      [y('12') + '\n', '> '],
    ]);
    await s.run('.exit');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run("docker ps --format '{{.Names}}'")).stdout).toBe('app\n');
  });
});
