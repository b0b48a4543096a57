// irb in a container's terminal: `docker run -it ruby` (the image's CMD is irb) and `docker exec -it c irb`, its
// irb(main):NNN> prompt counting every line, values echoed as `=> value`, multi-line inputs, state kept, errors, exit.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const IRB_TAIL = "\tfrom <internal:kernel>:187:in `loop'\n\tfrom /usr/local/lib/ruby/gems/3.3.0/gems/irb-1.13.1/exe/irb:9:in `<top (required)>'\n\tfrom /usr/local/bin/irb:25:in `load'\n\tfrom /usr/local/bin/irb:25:in `<main>'\n";

async function typed(s: ReturnType<typeof createSession>, lines: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const l of lines) out.push([(await s.run(l)).output, s.prompt()]);
  return out;
}

describe('irb', () => {
  it('docker run -it ruby opens irb: values echoed, names and methods kept, a def waits for its end, errors name (irb):N', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q ruby');
    const r = await s.run('docker run -it --name rb ruby');
    expect(r.output).toBe('');
    expect(s.prompt()).toBe('irb(main):001> ');
    expect(await typed(s, ['1 + 2', 'name = "ruby"', 'name.upcase', 'puts "hi #{name}"', 'def double(n)', '  n * 2', 'end', '[1, 2].map { |x| double(x) }', 'nope', '{a: 1}', '"x" * ', '3'])).toEqual([
      ['=> 3\n', 'irb(main):002> '],
      ['=> "ruby"\n', 'irb(main):003> '],
      ['=> "RUBY"\n', 'irb(main):004> '],
      ['hi ruby\n=> nil\n', 'irb(main):005> '],
      ['', 'irb(main):006* '],
      ['', 'irb(main):007* '],
      ['=> :double\n', 'irb(main):008> '],
      ['=> [2, 4]\n', 'irb(main):009> '],
      [`(irb):9:in \`<main>': undefined local variable or method \`nope' for main (NameError)\n${IRB_TAIL}`, 'irb(main):010> '],
      ['=> {:a=>1}\n', 'irb(main):011> '],
      ['', 'irb(main):012* '],
      ['=> "xxx"\n', 'irb(main):013> '],
    ]);
    await s.run('exit');
    expect((await s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^rb Exited \(0\) /);
    expect((await s.run('docker logs rb')).stdout).toContain('irb(main):001> 1 + 2\r\n=> 3\r\nirb(main):002> name = "ruby"\r\n');
  });

  it('docker exec -it c irb opens the prompt in a running container; without a terminal irb reads its input', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q ruby');
    await s.run('docker run -d --name box ruby sleep 1000');
    await s.run('docker exec -it box irb');
    expect(s.prompt()).toBe('irb(main):001> ');
    expect((await s.run('RUBY_VERSION')).output).toBe('=> "3.3.6"\n');
    await s.run('quit');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    const piped = await s.run(`printf 'x = 2\\nx + 1\\n' | docker exec -i box irb`);
    expect(piped.stdout).toBe('Switch to inspect mode.\nx = 2\n=> 2\nx + 1\n=> 3\n');
  });
});
