// An interpreter typed at a container's shell (python3, node, irb, php -a) takes the terminal: its banner and prompt,
// its inputs, and on exit the shell's prompt again with its cwd and variables; `docker run -it php` opens `php > `.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { allContainers } from '../../engine/index';

const BANNER = 'Python 3.13.1 (main, Dec  4 2024, 01:16:49) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n';
const PS1 = '\x1b[1;35m>>> \x1b[0m';
const PS2 = '\x1b[1;35m... \x1b[0m';

type S = ReturnType<typeof createSession>;

async function session(...images: string[]) {
  const s = createSession({ headless: true });
  for (const i of images) await s.run(`docker pull -q ${i}`);
  return s;
}

/** Type each line; what the terminal shows for it (output), and the prompt after it. */
async function typed(s: S, lines: string[]): Promise<[string, string, string][]> {
  const out: [string, string, string][] = [];
  for (const l of lines) out.push([l, (await s.run(l)).output, s.prompt()]);
  return out;
}

describe('a language prompt started from a container shell', () => {
  it('python3 at bash: banner, >>> with state kept, exit() back to bash in the same directory with its variables', async () => {
    const s = await session('python');
    await s.run('docker run -it --name py python bash');
    expect(await typed(s, ['cd /tmp', 'X=5', 'python3', 'x = 6', 'def sq(n):', '    return n * n', '', 'sq(x)', 'import os', 'os.getcwd()', 'exit()', 'echo $X; pwd', 'python3 -c "print(7)"'])).toEqual([
      ['cd /tmp', '', `root@${hostOf(s, 'py')}:/tmp# `],
      ['X=5', '', `root@${hostOf(s, 'py')}:/tmp# `],
      ['python3', BANNER, PS1],
      ['x = 6', '', PS1],
      ['def sq(n):', '', PS2],
      ['    return n * n', '', PS2],
      ['', '', PS1],
      ['sq(x)', '36\n', PS1],
      ['import os', '', PS1],
      ['os.getcwd()', "'/tmp'\n", PS1],
      ['exit()', '', `root@${hostOf(s, 'py')}:/tmp# `],
      ['echo $X; pwd', '5\n/tmp\n', `root@${hostOf(s, 'py')}:/tmp# `],
      ['python3 -c "print(7)"', '7\n', `root@${hostOf(s, 'py')}:/tmp# `],
    ]);
    expect((await s.run('exit')).output).toBe('exit\n');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    // the container's terminal showed it all: its log has the banner, the prompts and the return to bash
    expect((await s.run('docker logs py')).stdout).toContain(`/tmp# python3\r\n${BANNER.replace(/\n/g, '\r\n')}${PS1}x = 6\r\n${PS1}def sq(n):\r\n`);
    expect((await s.run('docker logs py')).stdout).toContain(`${PS1}exit()\r\nroot@${hostOf(s, 'py')}:/tmp# echo $X; pwd\r\n5\r\n/tmp\r\n`);
    expect((await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^py Exited \(0\) /);
  });

  it('node and irb at the shell of an exec; .exit and exit return to it, and the container keeps running', async () => {
    const s = await session('node', 'ruby');
    await s.run('docker run -d --name app node sleep infinity');
    await s.run('docker exec -it app bash');
    const sh = `root@${hostOf(s, 'app')}:/# `;
    expect(await typed(s, ['/usr/local/bin/node', 'let k = 2', 'k * 21', '.exit', 'irb'])).toEqual([
      ['/usr/local/bin/node', 'Welcome to Node.js v22.12.0.\nType ".help" for more information.\n', '> '],
      ['let k = 2', '\x1b[90mundefined\x1b[39m\n', '> '],
      ['k * 21', '\x1b[33m42\x1b[39m\n', '> '],
      ['.exit', '', sh],
      ['irb', 'bash: irb: command not found\n', sh],
    ]);
    await s.run('exit');
    expect((await s.run("docker ps --format '{{.Names}}'")).stdout).toBe('app\n');
    await s.run('docker run -it --name rb ruby bash');
    const rb = `root@${hostOf(s, 'rb')}:/# `;
    expect(await typed(s, ['irb', 'n = 20', 'n + 1', 'exit', 'echo done'])).toEqual([
      ['irb', '', 'irb(main):001> '],
      ['n = 20', '=> 20\n', 'irb(main):002> '],
      ['n + 1', '=> 21\n', 'irb(main):003> '],
      ['exit', '', rb],
      ['echo done', 'done\n', rb],
    ]);
  });

  it('docker run -it php opens php >: variables and functions kept, blocks and strings go on, errors as php -a shows them', async () => {
    const s = await session('php');
    expect((await s.run('docker run -it --name ph php')).output).toBe('Interactive shell\r\n\r\n');
    expect(s.prompt()).toBe('php > ');
    expect(await typed(s, ['$a = 2;', 'echo $a * 3;', 'function inc($x) {', '  return $x + 1;', '}', 'echo inc($a), "\\n";', 'echo "a', 'b";', 'echo $a', ';', 'throw new Exception("boom");', 'nope();', 'echo $a;'])).toEqual([
      ['$a = 2;', '', 'php > '],
      ['echo $a * 3;', '6\n', 'php > '],
      ['function inc($x) {', '', 'php { '],
      ['  return $x + 1;', '', 'php { '],
      ['}', '', 'php > '],
      ['echo inc($a), "\\n";', '3\n', 'php > '],
      ['echo "a', '', 'php " '],
      ['b";', 'a\nb\n', 'php > '],
      ['echo $a', '', 'php > '],
      [';', '2\n', 'php > '],
      ['throw new Exception("boom");', '\nWarning: Uncaught Exception: boom in php shell code:1\nStack trace:\n#0 {main}\n  thrown in php shell code on line 1\n', 'php > '],
      ['nope();', '\nWarning: Uncaught Error: Call to undefined function nope() in php shell code:1\nStack trace:\n#0 {main}\n  thrown in php shell code on line 1\n', 'php > '],
      ['echo $a;', '2\n', 'php > '],
    ]);
    await s.run('exit');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^ph Exited \(0\) /);
    expect((await s.run('docker logs ph')).stdout).toMatch(/^Interactive shell\r\n\r\nphp > \$a = 2;\r\nphp > echo \$a \* 3;\r\n6\r\nphp > function inc\(\$x\) \{\r\nphp \{ /);
    // docker exec -it c php -a: the same prompt beside the running container
    await s.run('docker run -d --name web php sleep infinity');
    expect((await s.run('docker exec -it web php -a')).output).toBe('Interactive shell\r\n\r\n');
    expect(await typed(s, ['echo PHP_VERSION;', 'exit(4);'])).toEqual([
      ['echo PHP_VERSION;', '8.4.1\n', 'php > '],
      ['exit(4);', '', 'root@dockerlings:~# '],
    ]);
    expect((await s.run("docker ps --format '{{.Names}}'")).stdout).toBe('web\n');
    // without a terminal it prints its banner and reads end-of-file, as before
    expect((await s.run('docker run --rm php')).stdout).toBe('Interactive shell\n\n');
  });

  it('php -a at the shell of docker run -it php bash; without a terminal python3 and php -a keep reading stdin', async () => {
    const s = await session('php', 'python');
    await s.run('docker run -it --name ph php bash');
    const sh = `root@${hostOf(s, 'ph')}:/# `;
    expect(await typed(s, ['php -a', 'echo 7;', 'exit', 'echo back'])).toEqual([
      ['php -a', 'Interactive shell\n\n', 'php > '],
      ['echo 7;', '7\n', 'php > '],
      ['exit', '', sh],
      ['echo back', 'back\n', sh],
    ]);
    await s.run('exit');
    await s.run('docker run -d --name box python sleep infinity');
    expect((await s.run(`echo 'print(6 * 7)' | docker exec -i box python3`)).stdout).toBe('42\n');
    expect((await s.run('docker exec box python3')).stdout).toBe('');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
  });

  it('a checkpoint taken at the prompt holds the shell beneath it: the restored session goes on at >>> and returns to bash', async () => {
    const s = await session('python');
    await s.run('docker run -it --name py -w /srv python bash');
    await typed(s, ['X=hi', 'python3', 'y = 41']);
    const restored = createSession({ headless: true, from: await s.checkpoint() });
    for (const t of [s, restored]) {
      expect(t.prompt()).toBe(PS1);
      expect(await typed(t, ['y + 1', 'exit()', 'echo $X $PWD'])).toEqual([
        ['y + 1', '42\n', PS1],
        ['exit()', '', `root@${hostOf(t, 'py')}:/srv# `],
        ['echo $X $PWD', 'hi /srv\n', `root@${hostOf(t, 'py')}:/srv# `],
      ]);
    }
  });

  it('Ctrl+P Ctrl+Q at a prompt the shell runs leaves the container terminal; docker attach comes back to the shell', async () => {
    const s = await session('python');
    await s.run('docker run -it --name py python bash');
    await s.run('python3');
    expect(s.detach()).toBe('read escape sequence\n');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    await s.run('docker attach py');
    expect(s.prompt()).toBe(`root@${hostOf(s, 'py')}:/# `);
  });
});

/** The hostname (short ID) of a container by name. */
const hostOf = (s: S, name: string): string => allContainers(s.engine.state).find((c) => c.name === name || c.name === `/${name}`)?.config.Hostname ?? '?';
