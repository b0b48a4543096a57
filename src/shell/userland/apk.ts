// apk (Alpine): update caches the index, add/del install and purge packages in the container's writable layer.
import { accountOf, distroOf, fail, readFileOr, userOf, type Ctx, type Impl, type Sys } from './sys';
import { closure, type Pkg } from './pkg-data';
import { ALPINE_BASE, ALPINE_BASE_KB, ALPINE_PKGS, APK_PROVIDES } from './pkg-apk';
import { appendSized, removeFiles, spend, unpack, writeFileSized, readOnly } from './pkg-files';

const USAGE = `apk-tools 2.14.4, compiled for x86_64.

usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  fix        Fix, reinstall or upgrade packages without modifying WORLD
  update     Update repository indexes
  upgrade    Install upgrades available from repositories
  cache      Manage the local package cache

Querying package information:
  info       Give detailed information about packages or repositories
  list       List packages matching a pattern or other criteria
  search     Search for packages by name or description

This apk has coffee making abilities.
`;

async function repositories(ctx: Ctx): Promise<string[]> {
  return ((await readFileOr(ctx.fs, '/etc/apk/repositories')) ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

const indexFile = (repo: string) => {
  let h = 0;
  for (const ch of repo) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `/var/cache/apk/APKINDEX.${h.toString(16).padStart(8, '0')}.tar.gz`;
};

async function installedNames(ctx: Ctx): Promise<Set<string>> {
  const db = (await readFileOr(ctx.fs, '/lib/apk/db/installed')) ?? '';
  return new Set([...ALPINE_BASE, ...[...db.matchAll(/^P:(\S+)$/gm)].map((m) => m[1])]);
}

async function world(ctx: Ctx): Promise<string[]> {
  return ((await readFileOr(ctx.fs, '/etc/apk/world')) ?? '').split('\n').filter(Boolean);
}

/** "OK: 13 MiB in 24 packages": installed size and count after the change. */
async function summary(ctx: Ctx): Promise<string> {
  const names = await installedNames(ctx);
  let kb = ALPINE_BASE_KB;
  for (const n of names) kb += (ALPINE_PKGS[n]?.installed ?? 0) / 1024;
  return `OK: ${Math.round(kb / 1024)} MiB in ${names.size} packages\n`;
}

export const apk: Impl = async (args, ctx, sys) => {
  let noCache = false;
  let update = false;
  let quiet = false;
  let virtual: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-cache') noCache = true;
    else if (a === '-U' || a === '--update-cache') update = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-t' || a === '--virtual') virtual = args[++i] ?? null;
    else if (a.startsWith('-')) continue;
    else words.push(a);
  }
  const [op, ...names] = words;
  if (!op) return fail(USAGE, 1);
  const me = await accountOf(ctx.fs, userOf(sys));
  const writes = ['add', 'del', 'update', 'upgrade', 'fix'].includes(op);
  if (writes && me.uid !== 0) return fail('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n', 99);
  const d = await distroOf(ctx.fs);
  const bbTrigger = d.codename === 'v3.18' ? 'busybox-1.36.1-r7.trigger' : 'busybox-1.36.1-r29.trigger';
  const repos = await repositories(ctx);
  let out = '';
  const fetchIndexes = async (store: boolean) => {
    for (const r of repos) out += quiet ? '' : `fetch ${r}/x86_64/APKINDEX.tar.gz\n`;
    await spend(ctx, 1000);
    if (store) for (const r of repos) await writeFileSized(ctx, sys, indexFile(r), 'APKINDEX (stand-in)\n', 0o644, r.endsWith('main') ? 1_415_838 : 988_417);
  };
  const cached = async () => (await Promise.all(repos.map((r) => ctx.fs.exists(indexFile(r))))).every(Boolean) && repos.length > 0;
  try {
    if (writes) await writeFileSized(ctx, sys, '/lib/apk/db/lock', '', 0o600, 0);
    switch (op) {
      case 'update': {
        await fetchIndexes(!noCache);
        const tag = d.codename === 'v3.18' ? 'v3.18.9' : 'v3.20.3';
        for (const r of repos) out += `${tag}-${r.endsWith('main') ? '227-g1d6d1a9ab9d' : '229-g9e5f2d9a8bc'} [${r}]\n`;
        return { stdout: out + 'OK: 24163 distinct packages available\n', stderr: '', exitCode: 0 };
      }
      case 'add': {
        if (update || noCache || !(await cached())) await fetchIndexes(update && !noCache);
        const want = names.map((n) => APK_PROVIDES[n] ?? n);
        const installed = await installedNames(ctx);
        const missing = names.filter((n, i) => !ALPINE_PKGS[want[i]] && !installed.has(want[i]));
        if (missing.length) {
          const err = 'ERROR: unable to select packages:\n' + missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('');
          return { stdout: out, stderr: err, exitCode: 1 };
        }
        const todo: Pkg[] = closure(ALPINE_PKGS, want, (n) => installed.has(n), false);
        const total = todo.length + (virtual ? 1 : 0);
        todo.forEach((p, i) => (out += `(${i + 1}/${total}) Installing ${p.name} (${p.version})\n`));
        if (virtual) out += `(${total}/${total}) Installing ${virtual} (20241123.090000)\n`;
        await spend(ctx, 500 + todo.length * 150);
        let db = '';
        for (const p of todo) {
          await unpack(ctx, sys, p);
          db += `C:Q1${p.name.length.toString(16)}stand-in=\nP:${p.name}\nV:${p.version}\nA:x86_64\nS:${p.size}\nI:${p.installed}\nT:${p.name}\n` + p.bins.map(([f]) => `F:${f.slice(1, f.lastIndexOf('/'))}\nR:${f.slice(f.lastIndexOf('/') + 1)}\n`).join('') + '\n';
        }
        if (db) await appendSized(ctx, sys, '/lib/apk/db/installed', db);
        const w = new Set(await world(ctx));
        if (virtual) w.add(virtual);
        else for (const n of names) w.add(n);
        await writeFileSized(ctx, sys, '/etc/apk/world', [...w].sort().join('\n') + '\n', 0o644);
        for (const p of todo) if (p.name === 'bash') out += 'Executing bash-5.2.26-r0.post-install\n';
        if (todo.length) out += `Executing ${bbTrigger}\n`;
        const ca = todo.find((p) => p.name === 'ca-certificates');
        if (ca) out += `Executing ca-certificates-${ca.version}.trigger\n`;
        // -q: nothing but errors
        return { stdout: quiet ? '' : out + (await summary(ctx)), stderr: '', exitCode: 0 };
      }
      case 'del': {
        const installed = await installedNames(ctx);
        const w = (await world(ctx)).filter((n) => !names.includes(n));
        // what world still needs after the removal; the rest of what we installed is purged
        const keep = new Set(closure(ALPINE_PKGS, w.map((n) => APK_PROVIDES[n] ?? n), () => false, false).map((p) => p.name));
        const purge = Object.values(ALPINE_PKGS).filter((p) => installed.has(p.name) && !keep.has(p.name) && !ALPINE_BASE.includes(p.name)).reverse();
        purge.forEach((p, i) => (out += `(${i + 1}/${purge.length}) Purging ${p.name} (${p.version})\n`));
        let db = (await readFileOr(ctx.fs, '/lib/apk/db/installed')) ?? '';
        for (const p of purge) {
          await removeFiles(ctx, p);
          db = db.replace(new RegExp(`C:[^\\n]*\\nP:${p.name.replace(/[.+]/g, '\\$&')}\\n[\\s\\S]*?\\n\\n`), '');
        }
        if (purge.length) {
          await writeFileSized(ctx, sys, '/lib/apk/db/installed', db, 0o644, db.length + 14_702 - 32);
          out += `Executing ${bbTrigger}\n`;
        }
        await writeFileSized(ctx, sys, '/etc/apk/world', w.join('\n') + '\n', 0o644);
        return { stdout: quiet ? '' : out + (await summary(ctx)), stderr: '', exitCode: 0 };
      }
      case 'upgrade':
      case 'fix':
        if (update || noCache || !(await cached())) await fetchIndexes(update && !noCache);
        return { stdout: out + (quiet ? '' : await summary(ctx)), stderr: '', exitCode: 0 };
      case 'info':
        return { stdout: [...(await installedNames(ctx))].join('\n') + '\n', stderr: '', exitCode: 0 };
      case 'search': {
        const hits = Object.values(ALPINE_PKGS).filter((p) => names.every((n) => p.name.includes(n.replace(/\*/g, ''))));
        return { stdout: hits.map((p) => `${p.name}-${p.version}\n`).join(''), stderr: '', exitCode: 0 };
      }
      default:
        return fail(USAGE, 1);
    }
  } catch (e) {
    const why = readOnly(e) ? 'Read-only file system' : 'Permission denied';
    return { stdout: out, stderr: `ERROR: Unable to lock database: ${why}\nERROR: Failed to open apk database: ${why}\n`, exitCode: 99 };
  }
};
