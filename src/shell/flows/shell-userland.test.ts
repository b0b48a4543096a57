// What runs inside a container as its real shells do it: ash/dash variable order, busybox applet wording, trap.
// Expected texts are Debian's busybox 1.35 and dash, run with the environment docker gives the process.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const run = async (lines: string[]) => (await steps(lines.join('\n'))).map((s) => [s.stdout, s.stderr, s.exitCode]);

describe('env under sh -c', () => {
  it('busybox ash lists its variable table: hash buckets, SHLVL and PWD added, exports and cd after the environment', async () => {
    const s = await run([
      'docker pull -q busybox >/dev/null',
      "docker run --rm -e A=1 -e B=2 -w /tmp -h hostc2 -u 33 busybox sh -c 'env'",
      "docker run --rm -e A=1 -e B=2 -w /tmp -h h2 busybox sh -c 'export FOO=1; cd /; env'",
      'docker run --rm -e A=1 -h h3 busybox env',
    ]);
    expect(s[1]).toEqual([`HOSTNAME=hostc2\nSHLVL=1\nHOME=/var/www\nA=1\n${PATH}\nB=2\nPWD=/tmp\n`, '', 0]);
    expect(s[2]).toEqual([`HOSTNAME=h2\nSHLVL=1\nHOME=/root\nOLDPWD=/tmp\nA=1\n${PATH}\nFOO=1\nB=2\nPWD=/\n`, '', 0]);
    // no shell in between: moby's order, as docker hands it over
    expect(s[3]).toEqual([`${PATH}\nHOSTNAME=h3\nA=1\nHOME=/root\n`, '', 0]);
  });

  it("dash (Ubuntu's sh) uses the same table without SHLVL", async () => {
    const s = await run(['docker pull -q ubuntu >/dev/null', "docker run --rm -e A=1 -e B=2 -w /tmp -h hostc2 ubuntu sh -c 'env'"]);
    expect(s[1]).toEqual([`HOSTNAME=hostc2\nHOME=/root\nA=1\n${PATH}\nB=2\nPWD=/tmp\n`, '', 0]);
  });
});

describe('busybox applets word their errors their own way', () => {
  it('cat, tail, rm, mkdir, rmdir', async () => {
    const s = await run([
      'docker pull -q busybox >/dev/null',
      'docker run -d --name ex busybox sleep 1000 >/dev/null',
      'docker exec ex cat /nonexistent',
      'docker exec ex cat /tmp',
      'docker exec ex tail /nonexistent',
      'docker exec ex rm /nonexistent',
      'docker exec ex mkdir /tmp',
      'docker exec ex rmdir /nonexistent',
      'docker exec ex head /nonexistent',
    ]);
    expect(s.slice(2)).toEqual([
      ['', "cat: can't open '/nonexistent': No such file or directory\n", 1],
      ['', 'cat: read error: Is a directory\n', 1],
      ['', "tail: can't open '/nonexistent': No such file or directory\ntail: no files\n", 1],
      ['', "rm: can't remove '/nonexistent': No such file or directory\n", 1],
      ['', "mkdir: can't create directory '/tmp': File exists\n", 1],
      ['', "rmdir: '/nonexistent': No such file or directory\n", 1],
      ['', 'head: /nonexistent: No such file or directory\n', 1],
    ]);
  });

  it('GNU images keep coreutils wording', async () => {
    const s = await run(['docker pull -q ubuntu >/dev/null', 'docker run --rm ubuntu cat /nonexistent', 'docker run --rm ubuntu rm /nonexistent']);
    expect(s.slice(1)).toEqual([
      ['', 'cat: /nonexistent: No such file or directory\n', 1],
      ['', "rm: cannot remove '/nonexistent': No such file or directory\n", 1],
    ]);
  });
});

describe('trap', () => {
  it('is a shell builtin that records and lists handlers (bash: SIGTERM, ash: TERM) and refuses bad signals', async () => {
    const s = await run([
      'docker pull -q busybox >/dev/null',
      'trap "exit 0" TERM; trap "echo" 2; trap',
      'trap x BOGUS',
      "docker run --rm busybox sh -c 'trap \"exit 0\" TERM; trap \"echo\" 2; trap; trap - TERM; trap'",
      "docker run --rm busybox sh -c 'trap x BOGUS'",
    ]);
    expect(s[1]).toEqual(["trap -- 'echo' SIGINT\ntrap -- 'exit 0' SIGTERM\n", '', 0]);
    expect(s[2]).toEqual(['', 'bash: trap: BOGUS: invalid signal specification\n', 1]);
    expect(s[3]).toEqual(["trap -- 'echo' INT\ntrap -- 'exit 0' TERM\ntrap -- 'echo' INT\n", '', 0]);
    expect(s[4]).toEqual(['', 'sh: trap: BOGUS: invalid signal specification\n', 1]);
  });

  it('a loop that traps TERM with an exiting handler stops with 0; a handler that does not exit is killed', async () => {
    const s = await run([
      'docker pull -q busybox >/dev/null',
      "docker run -d --name t1 busybox sh -c 'trap \"exit 0\" TERM; while true; do sleep 1; done' >/dev/null",
      "docker run -d --name t2 busybox sh -c 'trap \"echo bye\" TERM; while true; do sleep 1; done' >/dev/null",
      "docker run -d --name t3 busybox sh -c 'cleanup() { echo bye; exit; }; trap cleanup INT TERM; while true; do sleep 1; done' >/dev/null",
      'docker stop t1 >/dev/null; docker stop -t 1 t2 >/dev/null; docker kill -s INT t3 >/dev/null',
      "docker inspect -f '{{.Name}} {{.State.ExitCode}}' t1 t2 t3",
      'docker logs t1',
    ]);
    expect(s[5]).toEqual(['/t1 0\n/t2 137\n/t3 0\n', '', 0]);
    expect(s[6]).toEqual(['', '', 0]);
  });
});
