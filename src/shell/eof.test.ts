// Ctrl+D on an empty line at a container's shell or a program's prompt ends that program's input as the program does.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { EOF_LINE, steps } from './journal';
import { stepLabel } from './timeline';

async function at(open: string) {
  const s = createSession({ headless: true });
  await s.run(`docker pull -q ${open.split(' ').find((w) => /^(ubuntu|alpine|python|node|postgres)/.test(w))} > /dev/null`);
  await s.run(open);
  return s;
}

describe('Ctrl+D', () => {
  it("bash in a container says exit and leaves (bash 5.2 prints it on the next line); the host's prompt is back", async () => {
    const s = await at('docker run -it --name ub ubuntu bash');
    expect(s.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    const r = await s.run(EOF_LINE);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['\nexit\n', '', 0]);
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^ub Exited \(0\) /);
    // the step reads Ctrl+D in the time-travel list, and the transcript shows the prompt with nothing typed, then exit
    expect(stepLabel(steps(s.journal()).at(-2)!)).toBe('Ctrl+D');
    expect(s.transcript().at(-2)!.text).toBe('\nexit\n');
  });

  it("alpine's sh leaves without a word, as ash and dash do", async () => {
    const s = await at('docker run -it --name al alpine sh');
    expect(await s.run(EOF_LINE)).toMatchObject({ stdout: '\n', stderr: '', exitCode: 0 });
    expect(s.prompt()).toBe('root@dockerlings:~# ');
  });

  it("ends python's and node's prompts (node's .exit), back to the shell that started them", async () => {
    for (const [image, prompt] of [['python', /^\x1b\[1;35m>>> /], ['node', /^> $/]] as const) {
      const s = await at(`docker run -it --name pr ${image} bash`);
      await s.run(image === 'python' ? 'python3' : 'node');
      expect(s.prompt()).toMatch(prompt);
      const r = await s.run(EOF_LINE);
      expect([r.stdout, r.stderr]).toEqual(['\n', '']);
      expect(s.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    }
  });

  it("database clients: psql writes \\q on the prompt's line, mysql says Bye, redis-cli (linenoise) ends the line", async () => {
    const s = createSession({ headless: true });
    for (const l of ['docker pull -q postgres >/dev/null', 'docker pull -q mysql > /dev/null', 'docker pull -q redis >/dev/null', 'docker run -d --name pg -e POSTGRES_PASSWORD=x postgres', 'docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql', 'docker run -d --name rd redis', 'sleep 30']) await s.run(l);
    for (const [open, prompt, said] of [['docker exec -it pg psql -U postgres', 'postgres=# ', '\\q\n'], ['docker exec -it db mysql -uroot -px', 'mysql> ', 'Bye\n'], ['docker exec -it rd redis-cli', '127.0.0.1:6379> ', '\n']]) {
      await s.run(open);
      expect(s.prompt()).toBe(prompt);
      expect(await s.run(EOF_LINE)).toMatchObject({ stdout: said, stderr: '', exitCode: 0 });
      expect(s.prompt()).toBe('root@dockerlings:~# ');
    }
  }, 60_000);

  it('is not a line of the shell history', async () => {
    const s = await at('docker run -it --name ub ubuntu bash');
    await s.run(EOF_LINE);
    expect(s.history().filter((l) => l !== 'docker pull -q ubuntu > /dev/null')).toEqual(['docker run -it --name ub ubuntu bash']);
  });
});
