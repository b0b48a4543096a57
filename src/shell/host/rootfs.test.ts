// The host's system folders look like an Ubuntu 24.04 server's: merged /usr, Ubuntu's files, tools where Ubuntu keeps
// them, no trace of the shell library's command stubs, times from the system's build and boot (never the browser's clock).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { lineSession } from '../test-support';

describe("the host's root filesystem", () => {
  it('has the folders of an Ubuntu server, /bin and /lib as links into /usr, dated from the image and the boot', async () => {
    const { line } = lineSession();
    expect(await line('ls -1 /')).toEqual(['bin\nboot\ndev\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n', '', 0]);
    const [out] = await line('ls -la /');
    expect(out.split('\n').slice(0, 5)).toEqual([
      'total 68',
      'drwxr-xr-x 17 root root 4096 Nov 23 08:13 .',
      'drwxr-xr-x 17 root root 4096 Nov 23 08:13 ..',
      'lrwxrwxrwx  1 root root    7 Oct 11  2024 bin -> usr/bin',
      'drwxr-xr-x  2 root root 4096 Oct 11  2024 boot',
    ]);
    expect(out).toContain('lrwxrwxrwx  1 root root    8 Oct 11  2024 sbin -> usr/sbin\n');
    expect(out).toContain('drwxrwxrwt  2 root root 4096 Nov 23 09:00 tmp\n');
    expect(await line('ls -l /bin/sh /usr/bin/docker /usr/bin/sudo')).toEqual([
      'lrwxrwxrwx 1 root root        4 Oct 11  2024 /bin/sh -> dash\n-rwxr-xr-x 1 root root 39432408 Jan 22  2025 /usr/bin/docker\n-rwsr-xr-x 1 root root   277936 Oct 11  2024 /usr/bin/sudo\n',
      '',
      0,
    ]);
  });

  it("lists real programs only: no shell builtins, no simulator helpers, every entry an executable of the system's date", async () => {
    const { line } = lineSession();
    const [names] = await line('ls /usr/bin | cat');
    const list = names.trim().split('\n');
    for (const n of ['docker', 'dockerd', 'containerd', 'runc', 'ls', 'dash', 'curl', 'ping', 'ip', 'systemctl', 'apt-get', 'python3']) expect(list).toContain(n);
    for (const n of ['alias', 'unalias', 'help', 'history', 'trap', 'umask', 'trace', 'dockerlings-host', '__dockerlings_open', '\u007fELF', 'rg', 'xan', 'yq', 'html-to-markdown']) expect(list).not.toContain(n);
    const [long] = await line('ls -l /usr/bin | grep -v "^total" | grep -vc " \\(Oct 11  2024\\|Jan 22  2025\\) "');
    expect(long).toBe('0\n');
    expect(await line('ls -1 /usr/libexec/docker/cli-plugins')).toEqual(['docker-buildx\ndocker-compose\n', '', 0]);
  });

  it('finds tools where Ubuntu keeps them and runs them from there; a program it does not simulate says so', async () => {
    const { line } = lineSession();
    expect(await line('which docker iptables usermod sh ls')).toEqual(['/usr/bin/docker\n/usr/sbin/iptables\n/usr/sbin/usermod\n/usr/bin/sh\n/usr/bin/ls\n', '', 0]);
    expect(await line('ls -l /usr/sbin/iptables')).toEqual(['lrwxrwxrwx 1 root root 17 Oct 11  2024 /usr/sbin/iptables -> xtables-nft-multi\n', '', 0]);
    const [chain] = await line('/usr/sbin/iptables -L DOCKER-USER');
    expect(chain).toBe('Chain DOCKER-USER (1 references)\ntarget     prot opt source               destination         \nRETURN     all  --  anywhere             anywhere            \n');
    expect(await line('groupadd demo && tail -1 /etc/group')).toEqual(['demo:x:1001:\n', '', 0]);
    expect(await line('dash -c "echo from dash"')).toEqual(['from dash\n', '', 0]);
    expect(await line('perl -e 1')).toEqual(['', "perl: cannot run here: Dockerlings has this program's file but does not simulate perl (package perl-base)\n", 126]);
    expect(await line('type alias; alias ll="ls -l"; type ll')).toEqual(["alias is a shell builtin\nll is aliased to `ls -l'\n", '', 0]);
  });

  it('keeps all of this across a checkpoint: a session rebuilt from one lists and runs the same', async () => {
    const { s, line } = lineSession();
    await line('ln -s /tmp /root/t');
    const before = await line('ls -la / /usr/bin /root; which iptables');
    const again = createSession({ headless: true, from: await s.checkpoint() });
    const r = await again.run('ls -la / /usr/bin /root; which iptables');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(before);
    expect(before[0]).toContain('lrwxrwxrwx  1 root root    4 Nov 23 09:00 t -> /tmp\n');
  });

  it('a bare host has no Docker files until apt installs them', async () => {
    const { line } = lineSession();
    await line('dockerlings-host bare');
    expect(await line('ls /usr/bin/docker /usr/bin/dockerd /usr/bin/containerd /usr/libexec/docker')).toEqual([
      '',
      "ls: cannot access '/usr/bin/docker': No such file or directory\nls: cannot access '/usr/bin/dockerd': No such file or directory\nls: cannot access '/usr/bin/containerd': No such file or directory\nls: cannot access '/usr/libexec/docker': No such file or directory\n",
      2,
    ]);
    expect(await line('which docker; echo $?')).toEqual(['1\n', '', 0]);
  });
});
