// bash and sh (dash) run as child shells on the host: their scripts' errors carry the shell's wording and the line.
import { describe, expect, it } from 'vitest';
import { lineSession } from '../test-support';
import { lineOf } from './shells';

describe('child shells on the host', () => {
  it('bash -c and a bash script name the line of a missing command; dash says "not found" with the line', async () => {
    const { line } = lineSession();
    expect(await line('bash -c "foo bar"')).toEqual(['', 'bash: line 1: foo: command not found\n', 127]);
    expect(await line('bash -c "foo" myname')).toEqual(['', 'myname: line 1: foo: command not found\n', 127]);
    expect(await line('sh -c "foo"')).toEqual(['', 'sh: 1: foo: not found\n', 127]);
    await line('printf "echo a\\nbaz\\n" > s.sh');
    expect(await line('bash s.sh')).toEqual(['a\n', 's.sh: line 2: baz: command not found\n', 127]);
    expect(await line('sh s.sh')).toEqual(['a\n', 's.sh: 2: baz: not found\n', 127]);
    expect(await line('cat s.sh | sh')).toEqual(['a\n', 'sh: 2: baz: not found\n', 127]);
  });

  it('arguments, exported variables, options before the script, a missing script and --version', async () => {
    const { line } = lineSession();
    expect(await line('bash -c "echo \\$0 \\$1 \\$#" n a')).toEqual(['n a 1\n', '', 0]);
    expect(await line('export Q=1; R=2; bash -c "echo \\$Q-\\$R"')).toEqual(['1-\n', '', 0]);
    expect(await line('sh -e -c "false; echo not here"')).toEqual(['', '', 1]);
    expect(await line('sh nope.sh')).toEqual(['', 'sh: 0: cannot open nope.sh: No such file\n', 2]);
    expect(await line('bash nope.sh')).toEqual(['', 'bash: nope.sh: No such file or directory\n', 127]);
    expect(await line('bash --version | head -1')).toEqual(['GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\n', '', 0]);
  });

  it('lineOf finds where a command is first called', () => {
    expect(lineOf('echo a\nif true; then\n  nope x\nfi', 'nope')).toBe(3);
    expect(lineOf('echo nope', 'nope')).toBe(1);
    expect(lineOf('ls | grep x && zz', 'zz')).toBe(1);
    expect(lineOf('a\n\nb; zz', 'zz')).toBe(3);
  });
});
