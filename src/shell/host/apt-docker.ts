// apt and Docker's repository on the host: is the repository's key there, and what docker-ce's maintainer scripts print.
import { DOCKER_GID } from '../../engine/index';
import { readFileOr, type Ctx, type Sys } from '../userland/sys';

/** Docker's release key (fingerprint 9DC8 5822 9FC7 DD38 854A  E2D8 8D81 803C 0EBF CD88) as apt names a missing one. */
export const DOCKER_KEY_ID = '8D81803C0EBFCD88';
const NO_KEY = `The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${DOCKER_KEY_ID}`;

/** What download.docker.com/linux/ubuntu/gpg serves (armored; a stand-in body with the real fingerprint). */
export const DOCKER_GPG_ASC = `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFit2ioBEADhWpZ8/wvZ6hUTiXOwQHXMAlaFHcPH9hAtr4F1y2+OYdbtMuth\n(Dockerlings stand-in for Docker Release (CE deb) <docker@docker.com>,\n key 9DC8 5822 9FC7 DD38 854A  E2D8 8D81 803C 0EBF CD88)\n=0YYh\n-----END PGP PUBLIC KEY BLOCK-----\n`;

/** Does the keyring hold Docker's key (armored .asc, or binary after gpg --dearmor)? */
const holdsKey = (text: string | null) => !!text && text.includes('0EBF CD88');

/** Why apt refuses the Docker repository's InRelease, or null when its signing key is where the entry says. */
export async function repoKeyProblem(ctx: Ctx, signedBy: string | undefined): Promise<string | null> {
  if (signedBy) return holdsKey(await readFileOr(ctx.fs, signedBy)) ? null : NO_KEY;
  // without signed-by apt trusts every key in trusted.gpg.d
  const dir = '/etc/apt/trusted.gpg.d';
  for (const n of await ctx.fs.readdir(dir).catch(() => [] as string[])) if (holdsKey(await readFileOr(ctx.fs, `${dir}/${n}`))) return null;
  return holdsKey(await readFileOr(ctx.fs, '/etc/apt/trusted.gpg')) ? null : NO_KEY;
}

const LINKS: Record<string, [string, string][]> = {
  'containerd.io': [['multi-user.target.wants', 'containerd.service']],
  'docker-ce': [['multi-user.target.wants', 'docker.service'], ['sockets.target.wants', 'docker.socket']],
};

/** The lines a package's postinst prints after "Setting up …" on a host (systemd links the units it enables). */
export async function dockerSetUp(ctx: Ctx, sys: Sys, name: string): Promise<string> {
  if (sys.containerId !== null || !sys.engine.state.host) return '';
  let out = '';
  for (const [dir, unit] of LINKS[name] ?? []) {
    const link = `/etc/systemd/system/${dir}/${unit}`;
    await ctx.fs.mkdir(`/etc/systemd/system/${dir}`, { recursive: true });
    if (!(await ctx.fs.exists(link))) await ctx.fs.symlink(`/usr/lib/systemd/system/${unit}`, link);
    out += `Created symlink ${link} → /usr/lib/systemd/system/${unit}.\n`;
  }
  if (name === 'containerd.io') await ctx.fs.writeFile('/usr/lib/systemd/system/containerd.service', '[Unit]\nDescription=containerd container runtime\nDocumentation=https://containerd.io\nAfter=network.target local-fs.target dbus.service\n\n[Service]\nExecStartPre=-/sbin/modprobe overlay\nExecStart=/usr/bin/containerd\nType=notify\nDelegate=yes\nKillMode=process\nRestart=always\nRestartSec=5\n\n[Install]\nWantedBy=multi-user.target\n');
  if (name === 'docker-ce') {
    // postinst: addgroup --system docker
    const group = (await readFileOr(ctx.fs, '/etc/group')) ?? '';
    if (!/^docker:/m.test(group)) await ctx.fs.writeFile('/etc/group', `${group}docker:x:${DOCKER_GID}:\n`);
    await ctx.fs.mkdir('/etc/docker', { recursive: true });
    await ctx.fs.mkdir('/var/lib/docker', { recursive: true });
  }
  return out;
}
