// groupadd, usermod, gpasswd and newgrp on the host (shadow-utils wording): the docker group and who may use the socket.
import type { ExecResult, ResolvedCommandContext } from 'just-bash';
import type { Engine } from '../../engine/index';
import { readFileOr } from '../userland/sys';
import { hostUser } from './who';

const out = (stdout = '', stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
type Row = string[];

async function rows(ctx: ResolvedCommandContext, path: string): Promise<Row[]> {
  return ((await readFileOr(ctx.fs, path)) ?? '').split('\n').filter(Boolean).map((l) => l.split(':'));
}
const write = (ctx: ResolvedCommandContext, path: string, r: Row[]) => ctx.fs.writeFile(path, r.map((x) => x.join(':')).join('\n') + '\n');

/** Tell the engine what /etc/group now says about the docker group (goal checks and the socket read it there). */
function syncDocker(engine: Engine, groups: Row[]): void {
  if (!engine.state.host) return;
  const d = groups.find((g) => g[0] === 'docker');
  const now = d ? { gid: parseInt(d[2], 10), members: (d[3] ?? '').split(',').filter(Boolean) } : null;
  if (JSON.stringify(now) !== JSON.stringify(engine.state.host.dockerGroup)) engine.host.setDockerGroup(now);
}

const notRoot = (cmd: string, file: string) => out('', `${cmd}: Permission denied.\n${cmd}: cannot lock ${file}; try again later.\n`, cmd === 'groupadd' ? 10 : 1);

export async function groupadd(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const names = args.filter((a) => !a.startsWith('-'));
  const system = args.includes('-r') || args.includes('--system');
  if (names.length !== 1) return out('', 'Usage: groupadd [options] GROUP\n', 2);
  if (hostUser(engine) !== 'root') return notRoot('groupadd', '/etc/group');
  const groups = await rows(ctx, '/etc/group');
  const name = names[0];
  if (groups.some((g) => g[0] === name)) return out('', `groupadd: group '${name}' already exists\n`, 9);
  const used = groups.map((g) => parseInt(g[2], 10));
  let gid = system ? 999 : 1000;
  while (used.includes(gid)) gid += system ? -1 : 1;
  groups.push([name, 'x', String(gid), '']);
  await write(ctx, '/etc/group', groups);
  syncDocker(engine, groups);
  return out();
}

export async function usermod(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  let append = false;
  let list: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-[aG]+$/.test(a)) {
      if (a.includes('a')) append = true;
      if (a.includes('G')) list = args[++i];
    } else if (a === '--append') append = true;
    else if (a === '--groups') list = args[++i];
    else rest.push(a);
  }
  const user = rest[0];
  if (!user || list === undefined) return out('', 'Usage: usermod [options] LOGIN\n', 2);
  if (hostUser(engine) !== 'root') return notRoot('usermod', '/etc/passwd');
  if (!(await rows(ctx, '/etc/passwd')).some((p) => p[0] === user)) return out('', `usermod: user '${user}' does not exist\n`, 6);
  const groups = await rows(ctx, '/etc/group');
  const wanted = list.split(',').filter(Boolean);
  for (const w of wanted) if (!groups.some((g) => g[0] === w)) return out('', `usermod: group '${w}' does not exist\n`, 6);
  for (const g of groups) {
    const members = (g[3] ?? '').split(',').filter(Boolean);
    const want = wanted.includes(g[0]);
    // without -a the list replaces every supplementary group (the classic way to lose sudo)
    const next = want ? [...new Set([...members, user])] : append ? members : members.filter((m) => m !== user);
    g[3] = next.join(',');
    while (g.length < 4) g.push('');
  }
  await write(ctx, '/etc/group', groups);
  syncDocker(engine, groups);
  return out();
}

export async function gpasswd(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const [flag, user, group] = args;
  if ((flag !== '-a' && flag !== '-d') || !user || !group) return out('', 'Usage: gpasswd [option] GROUP\n', 2);
  if (hostUser(engine) !== 'root') return out('', 'gpasswd: Permission denied.\n', 3);
  const groups = await rows(ctx, '/etc/group');
  const g = groups.find((x) => x[0] === group);
  if (!g) return out('', `gpasswd: group '${group}' does not exist in /etc/group\n`, 3);
  const members = (g[3] ?? '').split(',').filter(Boolean);
  if (flag === '-d' && !members.includes(user)) return out('', `gpasswd: user '${user}' is not a member of '${group}'\n`, 3);
  g[3] = (flag === '-a' ? [...new Set([...members, user])] : members.filter((m) => m !== user)).join(',');
  await write(ctx, '/etc/group', groups);
  syncDocker(engine, groups);
  return out(flag === '-a' ? `Adding user ${user} to group ${group}\n` : `Removing user ${user} from group ${group}\n`);
}

/** newgrp GROUP: a new shell whose primary group is GROUP, with the user's groups as /etc/group says now; `exit` leaves it (session.ts). */
export async function newgrp(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const h = engine.state.host;
  const user = hostUser(engine);
  const groups = await rows(ctx, '/etc/group');
  const passwd = await rows(ctx, '/etc/passwd');
  const me = passwd.find((p) => p[0] === user);
  const primary = args.filter((a) => a !== '-')[0] ?? groups.find((g) => g[2] === me?.[3])?.[0] ?? user;
  const g = groups.find((x) => x[0] === primary);
  if (!g) return out('', `newgrp: group '${primary}' does not exist\n`, 1);
  const mine = groups.filter((x) => x[2] === me?.[3] || (x[3] ?? '').split(',').includes(user)).map((x) => x[0]);
  if (user !== 'root' && !mine.includes(primary)) return out('Password: ', 'Invalid password.\n', 1);
  if (h && user !== 'root') engine.host.enterShell([primary, ...mine.filter((x) => x !== primary)]);
  return out();
}
