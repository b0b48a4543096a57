// The host's system folders as an Ubuntu 24.04 server has them: Ubuntu's base layer, the server's and Docker's packages
// as stand-in executables where Ubuntu keeps them, and just-bash's command stubs out of sight.
import { InMemoryFs, defineCommand, type Command, type CustomCommand } from 'just-bash';
import { catalogLayerFiles, normPath, standInContent, type Engine, type FileTable } from '../../engine/index';
import { fillHost, type Checkpoint } from '../checkpoint';
import { HOST_DIRS, HOST_FILES } from '../host';
import { setSyncMark } from '../registry-sync';
import { bootTime } from '../userland/sys';
import { syncDockerRoot } from './docker-root';
import type { HostFs } from '../host-fs';
import type { Pkg } from '../userland/pkg-data';
import { LOADER, notSimulated, shellStandIn, standInCall } from '../userland/index';

/** The catalog layer the host's root filesystem is made from (ubuntu:24.04's only layer). */
export const HOST_LAYER = 'ubuntu-noble-20241011';

/** When Docker's 27.5.1 packages were built (their files' times). */
const DOCKER_BUILT = Date.parse('2025-01-22T12:14:03Z');

const STUB = '# Built-in command: ';
// the base class's methods: no permission checks, clock stamps or apparent-size resets while laying the system out
const base = InMemoryFs.prototype;

async function put(fs: HostFs, path: string, node: { type: 'dir' | 'file' | 'symlink'; mode?: number; content?: string; target?: string; size?: number }, mtime: number): Promise<void> {
  const t = new Date(mtime);
  if (node.type === 'symlink') {
    // a stub folder (/bin) or stub file becomes Ubuntu's symlink
    await base.symlink.call(fs, node.target ?? '', path).catch(async () => {
      await base.rm.call(fs, path, { recursive: true, force: true });
      await base.symlink.call(fs, node.target ?? '', path);
    });
    fs.setLinkTime(path, mtime);
    return;
  }
  if (node.type === 'dir') await base.mkdir.call(fs, path, { recursive: true });
  else {
    await base.writeFile.call(fs, path, node.content ?? ''); // over a stub file; its folders are made on the way
    if (node.size !== undefined) fs.setApparentSize(path, node.size);
  }
  await base.chmod.call(fs, path, (node.mode ?? (node.type === 'dir' ? 0o755 : 0o644)) & 0o7777);
  await base.utimes.call(fs, path, t, t);
}

async function unpackPkg(fs: HostFs, p: Pkg, mtime: number): Promise<void> {
  for (const [path, size] of p.bins) await put(fs, path, { type: 'file', mode: path.endsWith('/sudo') ? 0o4755 : 0o755, content: standInContent(p.name, path.slice(path.lastIndexOf('/') + 1)), size }, mtime);
  for (const [path, text] of Object.entries(p.files)) await put(fs, path, { type: 'file', content: text }, mtime);
  for (const [link, target] of p.links) await put(fs, link, { type: 'symlink', target }, mtime);
}

/** Lay out the system: Ubuntu's layer over just-bash's stubs, then the installed packages; `boot` dates the kernel's folders. */
export async function layHostRoot(fs: HostFs, boot: number): Promise<void> {
  const files: FileTable = await catalogLayerFiles(HOST_LAYER);
  const paths = Object.keys(files).sort();
  let layerTime = boot;
  for (const p of paths) {
    const n = files[p];
    if (n.type === 'whiteout') continue;
    layerTime = n.mtime;
    await put(fs, p, n.type === 'file' ? { type: 'file', mode: n.mode, content: n.content, size: n.size } : n.type === 'dir' ? { type: 'dir', mode: n.mode } : { type: 'symlink', target: n.target }, n.mtime);
  }
  const { INSTALLED, DOCKER_PACKAGES } = await import('./server-packages'); // the package tables are apt's chunk
  for (const p of INSTALLED) await unpackPkg(fs, p, layerTime);
  for (const p of DOCKER_PACKAGES) await unpackPkg(fs, p, DOCKER_BUILT);
  for (const d of ['/', '/dev', '/proc', '/sys', '/run']) await base.utimes.call(fs, d, new Date(boot), new Date(boot)).catch(() => undefined);
  await hideStubs(fs, layerTime);
}

/** just-bash's command stubs that Ubuntu has no file for (shell builtins, the simulator's own tools, tools it keeps in
 *  /usr/sbin): left where just-bash looks for them, dated like the system, and left out of folder listings. */
export async function hideStubs(fs: HostFs, mtime?: number): Promise<void> {
  const hidden: string[] = [];
  for (const name of await base.readdir.call(fs, '/usr/bin')) {
    const path = `/usr/bin/${name}`;
    const st = await base.lstat.call(fs, path);
    if (!st.isFile || st.size > 200) continue;
    if (!(await base.readFile.call(fs, path)).includes(STUB)) continue;
    hidden.push(path);
    if (mtime !== undefined) {
      await base.chmod.call(fs, path, 0o755);
      await base.utimes.call(fs, path, new Date(mtime), new Date(mtime));
    }
  }
  fs.hide(hidden);
}

/** Before a checkpoint's files are filled in: just-bash's stubs go (the checkpoint has Ubuntu's /bin symlink and /usr/bin). */
export async function clearStubFolder(fs: HostFs): Promise<void> {
  for (const d of ['/bin', '/usr/bin']) await base.rm.call(fs, d, { recursive: true, force: true });
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'rbash']);

/**
 * just-bash runs a file it has no command for as a script, so a stand-in executable outside /usr/bin (/usr/sbin/usermod,
 * iptables through its alternatives link) runs its first line, `\x7fELF dockerlings-stand-in: <package> <program>`.
 * This is that program loader on the host: it runs the host's command of that name with the script's arguments.
 */
export function hostLoader(commands: () => CustomCommand[]): CustomCommand {
  return defineCommand(LOADER, async (words, ctx) => {
    const { pkg: pkgName, prog, argv0: typed, args } = standInCall(words, ctx);
    const argv0 = normPath(typed);
    const called = argv0.slice(argv0.lastIndexOf('/') + 1);
    if (SHELLS.has(prog) && ctx.exec) return shellStandIn(args, ctx);
    const byName = new Map(commands().filter((c): c is Command => 'execute' in c).map((c) => [c.name, c]));
    // a multi-call binary (xtables-nft-multi) is the program it was called as
    const cmd = byName.get(prog) ?? byName.get(called);
    if (cmd) return cmd.execute(args, ctx);
    return { stdout: '', stderr: `${called}: ${notSimulated(`${prog} (package ${pkgName})`)}\n`, exitCode: 126 };
  });
}

/** The host at a session's start: Ubuntu's folders and the simulator's host files, or what a checkpoint held. */
export async function layOutHost(engine: Engine, fs: HostFs, from?: Checkpoint): Promise<void> {
  if (from) {
    await clearStubFolder(fs);
    await fillHost(fs, from.files, from.sizes);
    await hideStubs(fs);
    setSyncMark(fs, from.syncMark);
    return;
  }
  await layHostRoot(fs, bootTime(engine)); // Ubuntu 24.04's folders, the server's tools and Docker's packages
  for (const d of HOST_DIRS) await fs.mkdir(d, { recursive: true });
  for (const [p, c] of Object.entries(HOST_FILES)) await fs.writeFile(p, c);
  await syncDockerRoot(engine, fs);
}
