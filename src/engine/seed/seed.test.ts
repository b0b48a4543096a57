// Invariants of the seed catalog: histories name real layers, sizes match Docker Hub, shared bases, runnable entrypoints.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELLO_WORLD_MESSAGE, SEED_IMAGES, SEED_LAYERS, SEED_SEARCH_ONLY } from './all';
import type { SeedEntry, SeedImage, SeedLayer } from './types';

const image = (repo: string, tag: string): SeedImage => {
  const img = SEED_IMAGES.find((i) => i.repository === repo && i.tags.includes(tag));
  if (!img) throw new Error(`no ${repo}:${tag}`);
  return img;
};
const layersOf = (img: SeedImage): SeedLayer[] => img.history.filter((h) => h.layer).map((h) => SEED_LAYERS[h.layer!]);
const sizeOf = (img: SeedImage): number => layersOf(img).reduce((a, l) => a + l.size, 0);
const name = (img: SeedImage): string => `${img.repository.replace(/^library\//, '')}:${img.tags[0]}`;

/** The merged view of an image (no whiteouts in the seed: the last writer wins). */
function union(img: SeedImage): Map<string, SeedEntry> {
  const m = new Map<string, SeedEntry>();
  for (const l of layersOf(img)) for (const e of l.entries) m.set(e.path, e);
  return m;
}

function norm(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Resolve a path like the kernel: symlinks in any component (relative or absolute), at most 40 hops. */
function resolve(fs: Map<string, SeedEntry>, path: string): { path: string; entry: SeedEntry } | undefined {
  let parts = norm(path).split('/').slice(1);
  for (let hops = 0, i = 0; i < parts.length; ) {
    const p = '/' + parts.slice(0, i + 1).join('/');
    const e = fs.get(p);
    if (!e) return undefined;
    if (e.kind === 'symlink') {
      if (++hops > 40) return undefined;
      const base = e.target.startsWith('/') ? e.target : '/' + parts.slice(0, i).join('/') + '/' + e.target;
      parts = norm(base + '/' + parts.slice(i + 1).join('/')).split('/').slice(1).filter(Boolean);
      i = 0;
      continue;
    }
    if (i === parts.length - 1) return { path: p, entry: e };
    if (e.kind !== 'dir') return undefined;
    i++;
  }
  return undefined;
}

/** runc's lookup: a name with '/' as is (relative to WorkingDir), else the first hit on the image's PATH. */
function findExecutable(img: SeedImage, exe: string): { path: string; entry: SeedEntry } | undefined {
  const fs = union(img);
  const pathVar = img.config.Env.find((e) => e.startsWith('PATH='))!.slice(5);
  const candidates = exe.includes('/') ? [exe.startsWith('/') ? exe : `${img.config.WorkingDir || '/'}/${exe}`] : pathVar.split(':').map((d) => `${d}/${exe}`);
  for (const c of candidates) {
    const r = resolve(fs, c);
    if (r && r.entry.kind === 'file') return r;
  }
  return undefined;
}

/** go-units HumanSizeWithPrecision(n, 3), as `docker images` prints it. */
function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${Number(n.toPrecision(3))}${units[i]}`;
}

describe('seed catalog structure', () => {
  it('every history step names an existing layer iff it is not empty', () => {
    for (const img of SEED_IMAGES) {
      for (const h of img.history) {
        if (h.empty_layer) expect(h.layer, `${name(img)}: ${h.created_by}`).toBeUndefined();
        else {
          expect(h.layer, `${name(img)}: ${h.created_by}`).toBeDefined();
          expect(SEED_LAYERS[h.layer!], `${name(img)}: layer ${h.layer}`).toBeDefined();
        }
      }
    }
  });

  it('every layer is used by some image, under its own key', () => {
    const used = new Set(SEED_IMAGES.flatMap((i) => i.history.map((h) => h.layer).filter(Boolean)));
    for (const [key, l] of Object.entries(SEED_LAYERS)) {
      expect(l.key).toBe(key);
      expect(used.has(key), `unused layer ${key}`).toBe(true);
      expect(l.size).toBeGreaterThanOrEqual(0);
      expect(l.compressedSize).toBeGreaterThan(0);
    }
  });

  it('a tag names exactly one image per repository', () => {
    const seen = new Set<string>();
    for (const img of SEED_IMAGES) {
      for (const t of img.tags) {
        const ref = `${img.repository}:${t}`;
        expect(seen.has(ref), ref).toBe(false);
        seen.add(ref);
      }
    }
  });

  it('alias tags share one image', () => {
    expect(image('library/ubuntu', '18.04')).toBe(image('library/ubuntu', 'bionic'));
    expect(image('library/centos', '7')).toBe(image('library/centos', 'latest'));
    expect(image('library/ubuntu', 'latest')).toBe(image('library/ubuntu', '24.04'));
    expect(image('library/ubuntu', 'latest')).not.toBe(image('library/ubuntu', '18.04'));
  });

  it('history timestamps are ISO 8601 and layers are in build order', () => {
    for (const img of SEED_IMAGES) {
      expect(Number.isNaN(Date.parse(img.created))).toBe(false);
      for (const h of img.history) expect(h.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
  });

  it('docker search rows: one per pullable repository plus search-only ones', () => {
    const repos = new Set(SEED_IMAGES.map((i) => i.repository));
    for (const r of repos) expect(SEED_IMAGES.filter((i) => i.repository === r && i.search).length, r).toBe(1);
    const names = SEED_SEARCH_ONLY.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(repos.has(n) || repos.has(`library/${n}`), n).toBe(false);
    expect(names.filter((n) => n.includes('nginx')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('image sizes', () => {
  const targets: [string, string, number, string][] = [
    ['library/hello-world', 'latest', 13_300, '13.3kB'], ['library/busybox', 'latest', 4.26e6, '4.26MB'],
    ['library/alpine', 'latest', 7.8e6, '7.8MB'], ['library/ubuntu', 'latest', 78e6, '78.1MB'], ['library/ubuntu', '18.04', 63e6, '63.1MB'],
    ['library/centos', '7', 204e6, '204MB'], ['library/nginx', 'latest', 192e6, '192MB'], ['library/nginx', 'alpine', 48e6, '48MB'],
    ['library/httpd', 'latest', 148e6, '148MB'], ['library/redis', 'latest', 117e6, '117MB'], ['library/redis', 'alpine', 41e6, '41MB'],
    ['library/mongo', '3.2', 300e6, '300MB'], ['library/registry', '2', 25e6, '25.4MB'], ['progrium/stress', 'latest', 282e6, '282MB'],
    ['library/postgres', 'latest', 435e6, '435MB'], ['library/postgres', '16', 432e6, '432MB'], ['library/postgres', 'alpine', 278e6, '278MB'],
    ['library/mariadb', 'latest', 407e6, '407MB'], ['library/mongo', 'latest', 852e6, '852MB'],
  ];
  it.each(targets)('%s:%s is about %d bytes (docker images: %s)', (repo, tag, target, shown) => {
    const size = sizeOf(image(repo, tag));
    expect(Math.abs(size - target) / target).toBeLessThanOrEqual(0.02);
    expect(humanSize(size)).toBe(shown);
  });

  it('hello-world is one 13256-byte COPY layer; nginx has 7 layers', () => {
    expect(layersOf(image('library/hello-world', 'latest')).map((l) => l.size)).toEqual([13_256]);
    expect(layersOf(image('library/nginx', 'latest'))).toHaveLength(7);
    expect(layersOf(image('library/busybox', 'latest'))).toHaveLength(1);
  });
});

describe('layer sharing', () => {
  const base = (repo: string, tag: string) => layersOf(image(repo, tag))[0].key;
  it('nginx, httpd and redis share the Debian bookworm-slim base layer', () => {
    expect(base('library/httpd', 'latest')).toBe(base('library/nginx', 'latest'));
    expect(base('library/redis', 'latest')).toBe(base('library/nginx', 'latest'));
  });
  it('alpine, nginx:alpine and redis:alpine share the alpine 3.20.3 base; registry:2 does not', () => {
    expect(base('library/nginx', 'alpine')).toBe(base('library/alpine', 'latest'));
    expect(base('library/redis', 'alpine')).toBe(base('library/alpine', 'latest'));
    expect(base('library/registry', '2')).not.toBe(base('library/alpine', 'latest'));
  });
  it('postgres:16 and :17 share bookworm-slim and their first steps; postgres:alpine the alpine base; mariadb and mongo:8 ubuntu:noble', () => {
    const keys = (repo: string, tag: string) => layersOf(image(repo, tag)).map((l) => l.key);
    expect(keys('library/postgres', '16').filter((k) => keys('library/postgres', '17').includes(k))).toHaveLength(7);
    expect(base('library/postgres', '17')).toBe(base('library/nginx', 'latest'));
    expect(base('library/postgres', 'alpine')).toBe(base('library/alpine', 'latest'));
    expect(base('library/mariadb', 'latest')).toBe(base('library/ubuntu', 'latest'));
    expect(base('library/mongo', 'latest')).toBe(base('library/ubuntu', 'latest'));
    expect(image('library/postgres', 'latest')).toBe(image('library/postgres', '17.2-bookworm'));
    expect(image('library/mongo', '8')).not.toBe(image('library/mongo', '3.2'));
  });

  it('httpd and redis share the empty WORKDIR layer', () => {
    const keys = (r: string) => layersOf(image(r, 'latest')).map((l) => l.key);
    expect(keys('library/httpd').filter((k) => keys('library/redis').includes(k))).toEqual([base('library/nginx', 'latest'), 'empty-layer']);
  });
});

describe('layer contents', () => {
  it('no duplicate paths within one layer; paths are absolute and normalised', () => {
    for (const l of Object.values(SEED_LAYERS)) {
      const paths = l.entries.map((e) => e.path);
      expect(new Set(paths).size, l.key).toBe(paths.length);
      for (const p of paths) expect(norm(p), `${l.key}: ${p}`).toBe(p);
    }
  });

  it("each layer's parent directories exist in it or in a lower layer", () => {
    for (const img of SEED_IMAGES) {
      const lower = new Map<string, SeedEntry>();
      for (const l of layersOf(img)) {
        const here = new Map(l.entries.map((e) => [e.path, e]));
        for (const e of l.entries) {
          const parent = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
          if (parent === '/') continue;
          const d = here.get(parent) ?? lower.get(parent);
          expect(d?.kind, `${name(img)} ${l.key}: parent of ${e.path}`).toBe('dir');
        }
        for (const e of l.entries) lower.set(e.path, e);
      }
    }
  });

  it("every image's entrypoint (or command) is an executable file in its rootfs", () => {
    for (const img of SEED_IMAGES) {
      const argv = [...(img.config.Entrypoint ?? []), ...(img.config.Cmd ?? [])];
      const exe = findExecutable(img, argv[0]);
      expect(exe, `${name(img)}: ${argv[0]}`).toBeDefined();
      expect(exe!.entry.kind === 'file' && (exe!.entry.mode ?? 0o644) & 0o111, `${name(img)}: ${exe!.path} not executable`).toBeTruthy();
      // the command an entrypoint script hands over to must exist too (registry's is its config file)
      const cmd = img.config.Cmd?.[0];
      if (img.config.Entrypoint && cmd) expect(findExecutable(img, cmd), `${name(img)}: ${cmd}`).toBeDefined();
    }
  });

  it('base directories look like a Linux root', () => {
    for (const img of SEED_IMAGES.filter((i) => !i.repository.endsWith('hello-world'))) {
      const fs = union(img);
      for (const d of ['/bin', '/etc', '/root', '/tmp', '/usr', '/var', '/proc', '/sys', '/dev', '/home']) {
        expect(resolve(fs, d)?.entry.kind, `${name(img)}: ${d}`).toBe('dir');
      }
      expect(resolve(fs, '/tmp')!.entry.kind === 'dir' && resolve(fs, '/tmp')!.entry).toMatchObject({ mode: 0o1777 });
      expect(resolve(fs, '/etc/passwd')?.entry.kind, name(img)).toBe('file');
    }
  });

  it("an image's named user is in its /etc/passwd (docker start refuses a user the container does not know)", () => {
    for (const img of SEED_IMAGES) {
      const user = (img.config.User ?? '').split(':')[0];
      if (!user || /^\d+$/.test(user)) continue;
      const passwd = resolve(union(img), '/etc/passwd')?.entry;
      const text = passwd?.kind === 'file' ? String((passwd as { content?: unknown }).content ?? '') : '';
      expect(text.split('\n').map((l) => l.split(':')[0]), `${name(img)}: ${user}`).toContain(user);
    }
  });

  it('tools present or missing as in the real images', () => {
    const has = (repo: string, tag: string, exe: string) => findExecutable(image(repo, tag), exe) !== undefined;
    for (const t of ['sh', 'ash', 'ls', 'ps', 'top', 'ping', 'wget', 'nslookup', 'ip', 'ifconfig', 'route', 'vi', 'awk', 'nc', 'telnet', 'httpd', 'netstat', 'free'])
      expect(has('library/busybox', 'latest', t), `busybox ${t}`).toBe(true);
    for (const t of ['sh', 'ls', 'ps', 'ping', 'wget', 'ip', 'vi', 'apk']) expect(has('library/alpine', 'latest', t), `alpine ${t}`).toBe(true);
    for (const tag of ['latest', '18.04']) {
      for (const t of ['bash', 'sh', 'ls', 'cat', 'grep', 'sed', 'awk', 'apt-get', 'dpkg', 'hostname', 'env'])
        expect(has('library/ubuntu', tag, t), `ubuntu:${tag} ${t}`).toBe(true);
      for (const t of ['ps', 'ping', 'ip', 'vi', 'curl', 'wget', 'less']) expect(has('library/ubuntu', tag, t), `ubuntu:${tag} has ${t}`).toBe(false);
    }
    for (const t of ['bash', 'yum', 'rpm', 'ps', 'vi', 'curl']) expect(has('library/centos', '7', t), `centos ${t}`).toBe(true);
    for (const t of ['which', 'ip', 'ping']) expect(has('library/centos', '7', t), `centos has ${t}`).toBe(false);
    expect(has('library/nginx', 'latest', 'nginx')).toBe(true);
    expect(has('library/nginx', 'latest', 'ps')).toBe(false);
    expect(has('library/redis', 'alpine', 'redis-cli')).toBe(true);
  });

  it('real config files', () => {
    const read = (repo: string, tag: string, p: string) => {
      const r = resolve(union(image(repo, tag)), p);
      return r?.entry.kind === 'file' ? r.entry.content : undefined;
    };
    expect(read('library/nginx', 'latest', '/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(read('library/ubuntu', 'latest', '/etc/os-release')).toContain('VERSION="24.04.1 LTS (Noble Numbat)"');
    expect(read('library/ubuntu', 'bionic', '/etc/os-release')).toContain('PRETTY_NAME="Ubuntu 18.04.6 LTS"');
    expect(read('library/centos', '7', '/etc/centos-release')).toBe('CentOS Linux release 7.9.2009 (Core)\n');
    expect(read('library/alpine', 'latest', '/etc/alpine-release')).toBe('3.20.3\n');
    expect(read('library/redis', 'alpine', '/etc/alpine-release')).toBe('3.20.3\n');
    expect(read('library/registry', '2', '/etc/alpine-release')).toBe('3.18.9\n');
    expect(read('library/nginx', 'latest', '/usr/share/nginx/html/index.html')).toHaveLength(615);
    expect(read('library/nginx', 'alpine', '/usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
    expect(read('library/httpd', 'latest', '/usr/local/apache2/htdocs/index.html')).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(read('library/nginx', 'latest', '/etc/passwd')).toContain('nginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
    expect(read('library/registry', '2', '/etc/docker/registry/config.yml')).toContain('rootdirectory: /var/lib/registry');
  });
});

describe('hello-world', () => {
  it('prints the exact hello.c message', () => {
    expect(HELLO_WORLD_MESSAGE.startsWith('\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n')).toBe(true);
    expect(HELLO_WORLD_MESSAGE).toContain(' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n    (amd64)\n');
    expect(HELLO_WORLD_MESSAGE.endsWith('For more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n')).toBe(true);
    expect(HELLO_WORLD_MESSAGE.split('\n')).toHaveLength(23);
  });
});

describe('seed sources', () => {
  it('each file is at most 400 lines and starts with a one-line comment', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(dir + f, 'utf8');
      expect(text.split('\n').length, f).toBeLessThanOrEqual(f.endsWith('.test.ts') ? 301 : 401);
      expect(text.startsWith('// '), f).toBe(true);
    }
  });
});
