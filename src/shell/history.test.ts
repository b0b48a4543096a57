// `history`: bash's list of typed lines on the host and in a container's bash, busybox ash's in alpine; kept by the
// shell itself, so `set` and `$BASH_HISTORY` show nothing of it.
import { describe, expect, it } from 'vitest';
import { lineSession } from './test-support';

describe('history', () => {
  it('on the host: numbered lines (this one included), the last N, -d, -c, and bash\'s errors', async () => {
    const { line } = lineSession();
    await line('echo a');
    expect(await line('history')).toEqual(['    1  echo a\n    2  history\n', '', 0]);
    expect(await line('history 2')).toEqual(['    2  history\n    3  history 2\n', '', 0]);
    expect(await line('history -d 1; history')).toEqual(['    1  history\n    2  history 2\n    3  history -d 1; history\n', '', 0]);
    expect(await line('history -d 9')).toEqual(['', 'bash: history: 9: history position out of range\n', 1]);
    expect(await line('history -x')).toEqual(['', 'bash: history: -x: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n', 2]);
    expect(await line('history 1 2')).toEqual(['', 'bash: history: too many arguments\n', 1]);
    expect(await line('history abc')).toEqual(['', 'bash: history: abc: numeric argument required\n', 1]);
    expect(await line('history -c')).toEqual(['', '', 0]);
    expect(await line('history')).toEqual(['    1  history\n', '', 0]);
  });

  it('is no variable: set, compgen -v and $BASH_HISTORY show nothing of it', async () => {
    const { line } = lineSession();
    await line('echo a');
    expect(await line('set | grep -c HISTORY; compgen -v | grep -c BASH_HISTORY; echo "[$BASH_HISTORY]"')).toEqual(['0\n0\n[]\n', '', 0]);
  });

  it("in a container: bash keeps its own list; alpine's sh numbers from 0 as busybox does", async () => {
    const { line } = lineSession();
    await line('docker pull -q ubuntu > /dev/null; docker pull -q alpine > /dev/null');
    await line('docker run -it --name ub ubuntu bash');
    await line('echo in');
    expect(await line('history')).toEqual(['    1  echo in\n    2  history\n', '', 0]);
    expect(await line('set | grep -c HISTORY')).toEqual(['0\n', '', 1]);
    await line('exit');
    await line('docker run -it --name al alpine sh');
    await line('echo x');
    expect(await line('history')).toEqual(['   0 echo x\n   1 history\n', '', 0]);
  });
});
