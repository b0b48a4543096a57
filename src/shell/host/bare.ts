// `dockerlings-host bare`: turn the session's host into a fresh Ubuntu 24.04 server without Docker, a sudoer logged in.
import type { ExecResult, ResolvedCommandContext } from 'just-bash';
import { asRoot } from './who';
import type { Engine } from '../../engine/index';

export const LOGIN_USER = 'learner';

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin
systemd-resolve:x:996:996:systemd Resolver:/:/usr/sbin/nologin
messagebus:x:101:102::/nonexistent:/usr/sbin/nologin
syslog:x:102:103::/nonexistent:/usr/sbin/nologin
sshd:x:105:65534::/run/sshd:/usr/sbin/nologin
${LOGIN_USER}:x:1000:1000:Learner,,,:/home/${LOGIN_USER}:/bin/bash
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:syslog,${LOGIN_USER}
tty:x:5:
disk:x:6:
man:x:12:
sudo:x:27:${LOGIN_USER}
users:x:100:
systemd-journal:x:999:
systemd-network:x:998:
systemd-resolve:x:996:
messagebus:x:102:
syslog:x:103:
nogroup:x:65534:
${LOGIN_USER}:x:1000:
`;

const UBUNTU_SOURCES = `Types: deb
URIs: http://archive.ubuntu.com/ubuntu/
Suites: noble noble-updates noble-backports
Components: main restricted universe multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

Types: deb
URIs: http://security.ubuntu.com/ubuntu/
Suites: noble-security
Components: main restricted universe multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`;

const FILES: Record<string, string> = {
  '/etc/passwd': PASSWD,
  '/etc/group': GROUP,
  '/etc/sudoers.d/90-cloud-init-users': `# Created by cloud-init v. 24.3.1 on Mon, 23 Nov 2026 08:13:02 +0000\n\n# User rules for ${LOGIN_USER}\n${LOGIN_USER} ALL=(ALL) NOPASSWD:ALL\n`,
  '/etc/apt/sources.list': '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n',
  '/etc/apt/sources.list.d/ubuntu.sources': UBUNTU_SOURCES,
  '/usr/share/keyrings/ubuntu-archive-keyring.gpg': 'ubuntu archive keyring (stand-in)\n',
  [`/home/${LOGIN_USER}/.bashrc`]: '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
  [`/home/${LOGIN_USER}/.profile`]: '# ~/.profile: executed by the command interpreter for login shells.\n',
};

/** The login a session takes after the host changed (its env: HOME, USER, the working directory). */
const pendingLogin = new WeakMap<Engine, string>();

/** The user a session should log in as after this line, once (the session resets its environment). */
export function takeLogin(engine: Engine): string | undefined {
  const u = pendingLogin.get(engine);
  pendingLogin.delete(engine);
  return u;
}

export async function dockerlingsHost(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  if (args[0] !== 'bare') return { stdout: '', stderr: 'usage: dockerlings-host bare   (a host without Docker, for the install lesson)\n', exitCode: 2 };
  if (engine.state.host) return { stdout: '', stderr: '', exitCode: 0 };
  engine.host.bare(LOGIN_USER);
  // the machine as provisioned (by root, before the learner logs in)
  await asRoot(engine, async () => {
    for (const d of ['/etc/docker', '/var/lib/docker']) await ctx.fs.rm(d, { recursive: true, force: true }); // dockerd creates them once installed
    // Docker's packages are not installed: which finds no docker until docker-ce-cli puts it there
    const { DOCKER_PACKAGES } = await import('./server-packages');
    for (const p of DOCKER_PACKAGES) for (const f of [...p.bins.map(([b]) => b), ...Object.keys(p.files), ...p.links.map(([l]) => l)]) await ctx.fs.rm(f, { force: true });
    await ctx.fs.rm('/usr/libexec/docker', { recursive: true, force: true });
    for (const d of ['/etc/apt/sources.list.d', '/etc/apt/keyrings', '/etc/apt/trusted.gpg.d', '/etc/sudoers.d', '/usr/share/keyrings', `/home/${LOGIN_USER}`, '/var/lib/apt/lists', '/var/lib/dpkg']) await ctx.fs.mkdir(d, { recursive: true });
    for (const [p, c] of Object.entries(FILES)) await ctx.fs.writeFile(p, c);
  });
  pendingLogin.set(engine, LOGIN_USER);
  return { stdout: '', stderr: '', exitCode: 0 };
}
