// Top-level secrets and configs, and how a service gets them (compose create.go buildContainer{Secret,Config}Mounts,
// secrets.go inject{Secrets,Configs}): a file is bind-mounted read-only, an environment value or inline content is
// copied into the container before it starts. Secrets land in /run/secrets/<name>, configs in /<name>.
import type { FsNode } from '../../engine/index';
import { StatusError, type CliContext } from '../command';
import type { FileObject, FileRef, Project, Service } from './model';
import { absPath } from './paths';
import { warn } from './progress';

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function toFileObjects(project: string, v: unknown, workingDir: string): FileObject[] {
  return Object.entries((v ?? {}) as Raw).map(([key, o]) => {
    const n = (o ?? {}) as Raw;
    const external = n.external === true || (!!n.external && typeof n.external === 'object');
    return {
      key,
      name: n.name ? str(n.name) : external ? key : `${project}_${key}`,
      file: n.file === undefined ? undefined : absPath(workingDir, str(n.file).replace(/^~(?=\/|$)/, '/root')),
      environment: n.environment === undefined ? undefined : str(n.environment),
      content: n.content === undefined ? undefined : str(n.content),
      external,
      driver: n.driver === undefined ? undefined : str(n.driver),
      templateDriver: n.template_driver === undefined ? undefined : str(n.template_driver),
    };
  });
}

export function toFileRefs(v: unknown): FileRef[] {
  return ((v as unknown[]) ?? []).map((e) => {
    if (!e || typeof e !== 'object') return { source: str(e) };
    const o = e as Raw;
    return { source: str(o.source), target: o.target === undefined ? undefined : str(o.target), uid: o.uid === undefined ? undefined : str(o.uid), gid: o.gid === undefined ? undefined : str(o.gid), mode: o.mode === undefined ? undefined : Number(o.mode) };
  });
}

/** compose-go checkConsistency: every secret and config a service names is declared at the top level. */
export function checkFileRefs(s: Service, secrets: FileObject[], configs: FileObject[]): void {
  for (const c of s.configs) if (!configs.some((x) => x.key === c.source)) throw new StatusError(`service "${s.name}" refers to undefined config ${c.source}: invalid compose project`, 1);
  for (const c of s.secrets) if (!secrets.some((x) => x.key === c.source)) throw new StatusError(`service "${s.name}" refers to undefined secret ${c.source}: invalid compose project`, 1);
}

/** Where a secret or config appears in the container: /run/secrets/<source> and /<source> unless the target says. */
const targetOf = (r: FileRef, base: string) => (!r.target ? `${base}${r.source}` : r.target.startsWith('/') ? r.target : `${base}${r.target}`);

type Kind = 'secret' | 'config';
const KINDS: [Kind, 'secrets' | 'configs', string][] = [
  ['config', 'configs', '/'],
  ['secret', 'secrets', '/run/secrets/'],
];

/** The `--mount` flags for file-based secrets and configs, after compose's checks of what it cannot do. */
export function fileMountFlags(project: Project, s: Service): string[] {
  const out: string[] = [];
  for (const [kind, plural, base] of KINDS) {
    for (const r of s[plural]) {
      const obj = project[plural].find((x) => x.key === r.source)!;
      if (obj.external) throw new StatusError(`unsupported external ${kind} ${obj.name}`, 1);
      if (obj.driver) throw new StatusError(`Docker Compose does not support ${plural}.*.driver`, 1);
      if (obj.templateDriver) throw new StatusError(`Docker Compose does not support ${plural}.*.template_driver`, 1);
      if (obj.environment !== undefined || (kind === 'config' && obj.content !== undefined)) continue;
      out.push('--mount', `type=bind,source=${obj.file ?? ''},target=${targetOf(r, base)},readonly`);
    }
  }
  return out;
}

/** compose's warnings while it builds the mounts: uid/gid/mode on a bind-mounted file, a secret file that is missing. */
export async function fileWarnings(ctx: CliContext, project: Project, s: Service): Promise<void> {
  for (const [kind, plural] of KINDS) {
    for (const r of s[plural]) {
      const obj = project[plural].find((x) => x.key === r.source)!;
      if (obj.external || obj.environment !== undefined || (kind === 'config' && obj.content !== undefined)) continue;
      if (r.uid !== undefined || r.gid !== undefined || r.mode !== undefined) warn(ctx, `${plural} \`uid\`, \`gid\` and \`mode\` are not supported, they will be ignored`);
      if (kind === 'secret' && obj.file && !(await ctx.host.stat(obj.file))) warn(ctx, `secret file ${obj.name} does not exist`);
    }
  }
}

/** Copy environment-sourced secrets and configs (and inline config content) into a created container, mode 0444. */
export function injectFiles(ctx: CliContext, project: Project, s: Service, id: string): void {
  for (const [kind, plural, base] of KINDS) {
    for (const r of s[plural]) {
      const obj = project[plural].find((x) => x.key === r.source)!;
      let content = kind === 'config' ? obj.content : undefined;
      if (obj.environment !== undefined) {
        const v = project.lookup(obj.environment);
        if (v === undefined) throw new StatusError(`environment variable ${JSON.stringify(obj.environment)} required by file ${JSON.stringify(obj.name)} is not set`, 1);
        content = v;
      }
      if (content === undefined || content === '') continue;
      writeFile(ctx, id, targetOf(r, base), content, r.mode ?? 0o444);
    }
  }
}

/** CopyToContainer of a one-file tar at `/`: missing parent directories are made (0755), as tar extraction does. */
function writeFile(ctx: CliContext, id: string, path: string, content: string, mode: number): void {
  const now = ctx.engine.now();
  const parts = path.split('/').filter(Boolean);
  const files: Record<string, FsNode> = {};
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (ctx.engine.container.pathKind(id, `/${dir}`) === null) files[dir] = { type: 'dir', mode: 0o755, mtime: now };
  }
  files[parts.join('/')] = { type: 'file', mode, mtime: now, content };
  ctx.engine.container.writePath(id, '/', files);
}
