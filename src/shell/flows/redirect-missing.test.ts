// A redirection into a folder that does not exist fails as each shell fails it and the rest of the line goes on:
// bash and busybox ash (status 1), dash (status 2), each in its own words, on the host, in `sh -c` scripts and at a prompt.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const rows = async (lines: string[], from = 0) => (await steps(lines.join('\n'))).slice(from).map((s) => [s.stdout, s.stderr, s.exitCode]);

describe('redirection into a missing folder', () => {
  it('bash refuses an unquoted expansion that gives no word or several (ambiguous redirect), and an empty name', async () => {
    expect(await rows(['echo x > $nothing; echo st $?', 'f="a b"; echo x > $f; echo st $?', 'echo x > "$nothing"; echo st $?', 'd=/tmp; echo hi > $d/ok.txt; cat /tmp/ok.txt'])).toEqual([
      ['st 1\n', 'bash: $nothing: ambiguous redirect\n', 0],
      ['st 1\n', 'bash: $f: ambiguous redirect\n', 0],
      ['st 1\n', 'bash: : No such file or directory\n', 0],
      ['hi\n', '', 0],
    ]);
  });

  it('on the host: bash says No such file or directory, status 1, and creates nothing', async () => {
    expect(
      await rows([
        'echo x > /nonexistent/f; echo after $?',
        'cat < /nope; echo st $?',
        'echo y >> /a/b/c; echo st $?',
        'ls -d /nonexistent /a',
        'echo x 2>/dev/null > /n/f; echo $?',
        'for i in 1 2; do echo $i; done > /n/f; echo st $?',
        'false; echo $? > /n/q; echo st $?',
        'mkdir -p d && echo x > d/f && cat d/f',
        'f=/n/z; echo a > $f; echo $?',
        'cat <<EOF > /n/h\nhi\nEOF\necho done $?',
        'exec 3>/tmp/x; echo hi >&3; cat /tmp/x; exec 4>/n/x; echo st $?',
        'for i in 1; do false; echo in $?; done > /tmp/l; cat /tmp/l; false; echo $? > /tmp/m; cat /tmp/m',
      ]),
    ).toEqual([
      ['after 1\n', 'bash: /nonexistent/f: No such file or directory\n', 0],
      ['st 1\n', 'bash: /nope: No such file or directory\n', 0],
      ['st 1\n', 'bash: /a/b/c: No such file or directory\n', 0],
      ['', "ls: cannot access '/nonexistent': No such file or directory\nls: cannot access '/a': No such file or directory\n", 2],
      ['1\n', '', 0],
      ['st 1\n', 'bash: /n/f: No such file or directory\n', 0],
      ['st 1\n', 'bash: /n/q: No such file or directory\n', 0],
      ['x\n', '', 0],
      ['1\n', 'bash: /n/z: No such file or directory\n', 0],
      ['', 'bash: /n/h: No such file or directory\n', 1],
      ['done 1\n', '', 0],
      ['hi\nst 1\n', 'bash: /n/x: No such file or directory\n', 0],
      ['in 1\n1\n', '', 0],
    ]);
  });

  it('in containers: busybox ash (status 1) and dash (status 2) word it their way, bash -c names the line', async () => {
    expect(
      await rows(
        [
          'docker pull -q busybox >/dev/null',
          'docker pull -q debian >/dev/null',
          'docker run -d --name bb busybox sleep 1000 >/dev/null',
          'docker run -d --name deb debian sleep 1000 >/dev/null',
          `docker exec bb sh -c 'echo x > /nonexistent/f; echo after $?; cat < /nope; echo st $?; ls /nonexistent'`,
          `docker exec deb sh -c 'echo x > /nonexistent/f; echo after $?; cat < /nope; echo st $?'`,
          `docker exec deb bash -c 'echo x >> /a/b/c; echo after $?; false; echo $? > /a/q; echo st $?'`,
          `docker exec bb sh -c 'mkdir -p /d && echo x > /d/f && cat /d/f; touch /n/f; echo $?; echo y | tee /n/g'`,
        ],
        4,
      ),
    ).toEqual([
      ['after 1\nst 1\n', "sh: can't create /nonexistent/f: nonexistent directory\nsh: can't open /nope: no such file\nls: /nonexistent: No such file or directory\n", 1],
      ['after 2\nst 2\n', 'sh: 1: cannot create /nonexistent/f: Directory nonexistent\nsh: 1: cannot open /nope: No such file\n', 0],
      ['after 1\nst 1\n', 'bash: line 1: /a/b/c: No such file or directory\nbash: line 1: /a/q: No such file or directory\n', 0],
      ['x\n1\ny\n', 'touch: /n/f: No such file or directory\ntee: /n/g: No such file or directory\n', 1],
    ]);
  });

  it('at an interactive container prompt the line goes on after the failed redirection', async () => {
    expect(
      await rows(['docker pull -q busybox >/dev/null', 'docker run -d --name bb busybox sleep 1000 >/dev/null', 'docker exec -it bb sh', 'echo x > /nope/f; echo $?', 'cd /tmp; echo x > f; cat f', 'exit'], 3),
    ).toEqual([
      ['1\n', "sh: can't create /nope/f: nonexistent directory\n", 0],
      ['x\n', '', 0],
      ['', '', 0],
    ]);
  });
});
