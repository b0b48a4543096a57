// runc's exec.LookPath when a process starts (search $PATH or take the path, through the container's mounts; Go's os/exec error texts), and which known program the executable is.
import type { Container, EngineState, FsNode } from '../state';
import { normPath } from '../layers';
import { standInOf } from '../standin';
import { hostPathOf, route, viewNode, type HostNodes } from '../storage';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The container paths LookPath tries, in order (a name with '/' is taken relative to the working directory). */
export function execCandidates(c: Container, exe: string): string[] {
  if (exe.includes('/')) return [normPath(exe.startsWith('/') ? exe : `${c.config.WorkingDir || '/'}/${exe}`)];
  const path = c.config.Env.find((e) => e.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH;
  return path.split(':').map((d) => normPath(`${d || '.'}/${exe}`));
}

/** Host paths behind bind-mounted candidates: the client reads them before a start or exec. */
export function execHostPaths(s: EngineState, c: Container, exe: string): string[] {
  const out: string[] = [];
  if (!c.mounts?.some((m) => m.type === 'bind')) return out; // nothing of the host to read
  for (const p of execCandidates(c, exe)) {
    const r = route(s, c, p, 'exec');
    if (r.mount?.type === 'bind') out.push(hostPathOf(r.mount, r.rel));
  }
  return out;
}

/** Go's findExecutable: nil, or why not (EISDIR since Go 1.20; root still needs an execute bit). */
function findExecutable(n: FsNode | undefined, name: string): string | null {
  if (!n || n.type === 'whiteout') return `stat ${name}: no such file or directory`;
  if (n.type === 'dir') return 'is a directory';
  if (n.type === 'file' && !(n.mode & 0o111)) return 'permission denied';
  return null;
}

/**
 * The executable's real path, or the error text after `exec: "NAME": ` (runc wraps it with the OCI error). Without
 * `host` (a restart inside the daemon, where the client read nothing) a path on a bind mount is taken on trust.
 */
export function lookPath(s: EngineState, c: Container, exe: string, host?: HostNodes): { path: string } | { error: string } {
  // a container with no mounts and nothing written yet (most starts) sees only its image: the answer is the image's
  const plain = !c.mounts?.length && isEmpty(c.upper);
  const key = plain ? `${c.imageId}\0${c.config.WorkingDir}\0${c.config.Env.find((e) => e.startsWith('PATH=')) ?? ''}\0${exe}` : '';
  const known = plain ? imageAnswers.get(key) : undefined;
  if (known) return known;
  const found = search(s, c, exe, host);
  if (plain) {
    if (imageAnswers.size > 1000) imageAnswers.clear();
    imageAnswers.set(key, found);
  }
  return found;
}

/** lookPath's answers for containers that see only their image (images never change under an ID). */
const imageAnswers = new Map<string, { path: string } | { error: string }>();

function isEmpty(t: object): boolean {
  for (const _ in t) return false;
  return true;
}

function search(s: EngineState, c: Container, exe: string, host?: HostNodes): { path: string } | { error: string } {
  for (const p of execCandidates(c, exe)) {
    const r = route(s, c, p, 'exec');
    if (!host && r.mount?.type === 'bind') {
      if (exe.includes('/')) return { path: r.real };
      continue;
    }
    const n = viewNode(s, c, p, host ?? {}, 'exec');
    const why = findExecutable(n, exe);
    if (!why) return { path: r.real };
    if (exe.includes('/')) return { error: `exec: "${exe}": ${why}` };
  }
  return { error: `exec: "${exe}": executable file not found in $PATH` };
}

/** The program name a stand-in binary runs ('\x7fELF dockerlings-stand-in: nginx nginx' → 'nginx'). */
export function programOf(s: EngineState, c: Container, path: string, argv0: string, host: HostNodes = {}): string {
  // a container with no mounts and nothing written yet sees only its image: the answer is the image's
  const key = !c.mounts?.length && isEmpty(c.upper) ? `${c.imageId}\0${path}\0${argv0}` : '';
  const known = key ? imagePrograms.get(key) : undefined;
  if (known) return known;
  const found = programIn(s, c, path, argv0, host);
  if (key) {
    if (imagePrograms.size > 1000) imagePrograms.clear();
    imagePrograms.set(key, found);
  }
  return found;
}

/** programOf's answers for containers that see only their image (images never change under an ID). */
const imagePrograms = new Map<string, string>();

function programIn(s: EngineState, c: Container, path: string, argv0: string, host: HostNodes): string {
  const node = viewNode(s, c, path, host, 'exec');
  // a script is itself, whatever its name (a user's /hello is not hello-world): the runtime runs it
  if (node?.type === 'file' && node.content.startsWith('#!')) return 'script';
  const name = (node?.type === 'file' ? standInOf(node.content)?.name : undefined) ?? path.slice(path.lastIndexOf('/') + 1);
  return name === 'busybox' ? argv0.slice(argv0.lastIndexOf('/') + 1) : name;
}
