// Target pictures: the schema refuses malformed declarations with a path; the matcher names each kind of difference
// in en and zh, ignores IDs and addresses unless pinned; the par counts docker commands that change something.
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { parseTarget, type Target } from './target';
import { differences, matchTarget } from './target-match';
import { evaluate } from './checks';
import { commandCount } from './par';
import { allContainers } from '../engine/index';

const target = (data: unknown): Target => {
  const r = parseTarget(data);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.target;
};

async function session(lines: string[]) {
  const s = createSession({ headless: true });
  for (const l of lines) await s.run(l);
  return s;
}

describe('parseTarget', () => {
  it('puts a declaration in canonical form (defaults: bridge driver, running state, tcp)', () => {
    expect(target({ networks: [{ name: 'back', subnet: '10.5.0.0/24' }], containers: [{ name: 'web', image: 'nginx', networks: ['back', { name: 'front', ip: '10.6.0.9' }], ports: ['127.0.0.1:8080:80', '53:53/udp'], volumes: ['data:/data'] }], images: ['app:v1', { ref: 'app:latest', same_as: 'app:v1' }], volumes: ['data'] })).toEqual({
      networks: [{ name: 'back', driver: 'bridge', subnet: '10.5.0.0/24' }],
      containers: [{ name: 'web', image: 'nginx', state: 'running', networks: [{ network: 'back' }, { network: 'front', ip: '10.6.0.9' }], ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, proto: 'tcp', spec: '127.0.0.1:8080:80' }, { hostPort: 53, containerPort: 53, proto: 'udp', spec: '53:53/udp' }], mounts: [{ source: 'data', destination: '/data' }] }],
      images: [{ ref: 'app:v1' }, { ref: 'app:latest', sameAs: 'app:v1' }],
      volumes: [{ name: 'data' }],
    });
  });

  it('refuses unknown keys, bad forms, both networks and network_mode, and names declared twice, saying where', () => {
    expect(parseTarget({ containers: [{ name: 'web', netwerks: ['a'] }] })).toEqual({ ok: false, errors: ['containers[0]: unknown key "netwerks"'] });
    expect(parseTarget({ containers: [{ name: 'web', ports: ['80'] }] })).toEqual({ ok: false, errors: ['containers[0].ports[0]: is not in the expected form'] });
    expect(parseTarget({ containers: [{ name: 'web', networks: ['a'], network_mode: 'host' }] })).toEqual({ ok: false, errors: ['containers[0]: give networks or network_mode, not both'] });
    expect(parseTarget({ networks: [{ name: 'a' }, { name: 'a' }] })).toEqual({ ok: false, errors: ['target.networks: "a" is declared twice'] });
    expect(parseTarget({ containers: [{ name: 'w', ports: ['70000:80'] }] })).toEqual({ ok: false, errors: ['target.containers[0]: 70000:80 is not a valid port mapping'] });
    expect(parseTarget({})).toMatchObject({ ok: false });
    expect(parseTarget({ networks: [{ name: 'a', driver: 'overlay' }] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^networks\[0\]\.driver: /)] });
  });
});

describe('matchTarget', () => {
  it('meets a target regardless of IDs and addresses when nothing is pinned', async () => {
    const s = await session(['docker network create back', 'docker run -d --name web --network back -p 8080:80 nginx']);
    const r = matchTarget(s.engine.state, target({ networks: [{ name: 'back' }], containers: [{ name: 'web', image: 'nginx', networks: ['back'], ports: ['8080:80'] }] }));
    expect(r.met).toBe(true);
    expect(r.parts.map((p) => [p.kind, p.name, p.met])).toEqual([['network', 'back', true], ['container', 'web', true]]);
    expect(r.parts[1].sub).toEqual([{ key: 'net:back', met: true }, { key: 'port:8080:80', met: true }]);
  });

  it('says what is missing: a network, a container, an image, a volume (en and zh)', async () => {
    const s = await session([]);
    const r = matchTarget(s.engine.state, target({ networks: [{ name: 'back' }], containers: [{ name: 'web' }], images: ['app:v1'], volumes: ['data'] }));
    expect(r.met).toBe(false);
    expect(differences(r, 'en')).toEqual(['network back is missing', 'container web is missing', 'image app:v1 is missing', 'volume data is missing']);
    expect(differences(r, 'zh')).toEqual(['缺少网络 back', '缺少容器 web', '缺少镜像 app:v1', '缺少卷 data']);
    expect(r.parts.map((p) => p.present)).toEqual([false, false, false, false]);
  });

  it('names a container not on its network, on one too many, and in the wrong state', async () => {
    const s = await session(['docker network create back', 'docker network create front', 'docker run -d --name web --network front busybox sleep 3600', 'docker create --name db busybox']);
    const r = matchTarget(s.engine.state, target({ containers: [{ name: 'web', networks: ['back'] }, { name: 'db' }] }));
    expect(differences(r, 'en')).toEqual(['container web is not on network back', 'container web is also on network front, which the target does not have', 'container db is created, not running']);
    expect(differences(r, 'zh')).toEqual(['容器 web 没有接入网络 back', '容器 web 还接入了网络 front，目标里没有这一条', '容器 db 的状态是已创建，而不是运行中']);
    expect(r.parts[0]).toMatchObject({ present: true, met: false, sub: [{ key: 'net:back', met: false }] });
  });

  it('checks a pinned subnet and a pinned address, and ignores them when not pinned', async () => {
    const s = await session(['docker network create --subnet 10.9.0.0/24 back', 'docker run -d --name web --network back busybox sleep 3600']);
    const ip = allContainers(s.engine.state)[0].endpoints.back.ip;
    expect(ip).toBe('10.9.0.2');
    const unpinned = target({ networks: [{ name: 'back' }], containers: [{ name: 'web', networks: ['back'] }] });
    expect(matchTarget(s.engine.state, unpinned).met).toBe(true);
    expect(differences(matchTarget(s.engine.state, target({ networks: [{ name: 'back', subnet: '10.8.0.0/24' }] })), 'en')).toEqual(['network back has subnet 10.9.0.0/24, the target pins 10.8.0.0/24']);
    expect(matchTarget(s.engine.state, target({ networks: [{ name: 'back', subnet: '10.9.0.0/24' }] })).met).toBe(true);
    expect(differences(matchTarget(s.engine.state, target({ networks: [{ name: 'host' }, { name: 'none', driver: 'null' }] })), 'zh')).toEqual(['网络 host 的驱动是 host，而不是 bridge']);
    expect(differences(matchTarget(s.engine.state, target({ containers: [{ name: 'web', networks: [{ name: 'back', ip: '10.9.0.7' }] }] })), 'en')).toEqual(['container web has address 10.9.0.2 on back, the target pins 10.9.0.7']);
    expect(matchTarget(s.engine.state, target({ containers: [{ name: 'web', networks: [{ name: 'back', ip: '10.9.0.2' }] }] })).met).toBe(true);
  });

  it('compares published ports as a set (a pinned host address must match) and mounts', async () => {
    const s = await session(['docker run -d --name web -p 8080:80 -p 127.0.0.1:9090:90 -v data:/data nginx']);
    const st = s.engine.state;
    expect(differences(matchTarget(st, target({ containers: [{ name: 'web', ports: ['8080:80'] }] })), 'en')).toEqual(['container web also publishes 127.0.0.1:9090:90/tcp, which the target does not have']);
    expect(differences(matchTarget(st, target({ containers: [{ name: 'web', ports: ['8080:80', '0.0.0.0:9090:90'] }] })), 'en')).toEqual(['container web does not publish 0.0.0.0:9090:90', 'container web also publishes 127.0.0.1:9090:90/tcp, which the target does not have']);
    expect(matchTarget(st, target({ containers: [{ name: 'web', ports: ['8080:80', '127.0.0.1:9090:90'], volumes: ['data:/data'] }] })).met).toBe(true);
    expect(differences(matchTarget(st, target({ containers: [{ name: 'web', volumes: ['data:/srv'] }] })), 'zh')).toEqual(['容器 web 没有把 data 挂载到 /srv']);
  });

  it('checks network mode, image and image identity', async () => {
    const s = await session(['docker run -d --name web nginx', 'docker run -d --name side --network container:web busybox sleep 3600', 'docker tag nginx app:v1', 'docker pull busybox']);
    const st = s.engine.state;
    expect(matchTarget(st, target({ containers: [{ name: 'side', network_mode: 'container:web', image: 'busybox' }] })).met).toBe(true);
    expect(differences(matchTarget(st, target({ containers: [{ name: 'side', network_mode: 'host', image: 'nginx' }] })), 'en')).toEqual(['container side runs busybox, not nginx', 'container side uses network mode container:web, not host']);
    expect(matchTarget(st, target({ images: [{ ref: 'app:v1', same_as: 'nginx' }] })).met).toBe(true);
    expect(differences(matchTarget(st, target({ images: [{ ref: 'app:v1', same_as: 'busybox' }] })), 'en')).toEqual(['image app:v1 is not the same image as busybox']);
  });

  it('is the goal target-met when a target is given (and never met without one)', async () => {
    const s = await session(['docker volume create data']);
    const t = target({ volumes: ['data'] });
    expect(evaluate(s.engine.state, 'target-met', { target: t })).toBe(true);
    expect(evaluate(s.engine.state, 'target-met')).toBe(false);
  });
});

describe('commandCount', () => {
  it('counts docker commands that change something, failed or not, and not the ones that only look', () => {
    expect(commandCount(['docker network create a', 'docker ps', 'docker network ls', 'docker inspect web', 'ls -l', 'docker run --help'])).toBe(1);
    expect(commandCount(['docker network create a && docker network create b; docker network inspect a | grep Subnet', 'sudo docker rm -f web', 'docker nosuch'])).toBe(4);
    expect(commandCount(['docker logs web', 'docker container ls -a', 'docker image history nginx', 'docker compose ps'])).toBe(0);
  });
});
