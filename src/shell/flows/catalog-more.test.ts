// More catalog images: base OS tags (ubuntu 20.04–24.04, debian bookworm/bullseye, rockylinux 9) and services (memcached, rabbitmq, traefik, haproxy, docker:dind).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('base OS tags', () => {
  it.each([
    ['ubuntu:20.04', 'PRETTY_NAME="Ubuntu 20.04.6 LTS"'],
    ['ubuntu:22.04', 'PRETTY_NAME="Ubuntu 22.04.5 LTS"'],
    ['ubuntu:24.04', 'PRETTY_NAME="Ubuntu 24.04.1 LTS"'],
    ['ubuntu:18.04', 'PRETTY_NAME="Ubuntu 18.04.6 LTS"'],
    ['debian:bookworm', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'],
    ['debian:bookworm-slim', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'],
    ['debian:bullseye', 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"'],
    ['debian:11-slim', 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"'],
    ['rockylinux:9', 'PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"'],
  ])('%s pulls and runs', async (ref, pretty) => {
    const s = createSession({ headless: true });
    expect((await s.run(`docker pull -q ${ref}`)).stdout).toBe(`docker.io/library/${ref}\n`);
    expect((await s.run(`docker run --rm ${ref} cat /etc/os-release`)).stdout).toContain(pretty + '\n');
  });

  it('debian:bookworm-slim shares its layer with postgres and nginx; bookworm and bullseye are different bases', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q nginx');
    const slim = await s.run('docker pull debian:bookworm-slim');
    expect(slim.stdout).toMatch(/: Already exists\n/);
    expect((await s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" debian')).stdout).toBe('debian:bookworm-slim 74.8MB\n');
  });
});

describe('services', () => {
  it('memcached runs as user memcache on 11211, silently', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q memcached');
    await s.run('docker run -d --name mc memcached');
    expect((await s.run('docker inspect -f "{{.Config.User}} {{json .Config.ExposedPorts}}" mc')).stdout).toBe('memcache {"11211/tcp":{}}\n');
    expect((await s.run('docker logs mc')).stdout).toBe('');
    expect((await s.run('docker ps --format "{{.Status}} {{.Ports}}"')).stdout).toMatch(/^Up .* 11211\/tcp\n$/);
  });

  it('rabbitmq logs its banner and "Server startup complete"; :management serves the UI on 15672', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q rabbitmq:management');
    await s.run('docker run -d --name mq -p 15672:15672 rabbitmq:management');
    await s.run('sleep 6');
    const logs = (await s.run('docker logs mq')).stdout;
    expect(logs).toContain('  ##  ##      RabbitMQ 4.0.4\n');
    expect(logs).toMatch(/\[info\] <0\.718\.0> Server startup complete; 5 plugins started\.\n/);
    expect((await s.run('curl -s localhost:15672')).stdout).toContain('<title>RabbitMQ Management</title>');
    expect((await s.run('docker image inspect -f "{{len .Config.ExposedPorts}}" rabbitmq:management')).stdout).toBe('8\n');
  });

  it('traefik answers 404 page not found; haproxy without a config file exits 1 with its ALERT', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q traefik');
    await s.run('docker run -d --name tr -p 8000:80 traefik');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('404 page not found\n');
    expect((await s.run('docker logs tr')).stdout).toMatch(/^\S+Z INF Traefik version 3\.2\.1 built on 2024-11-20T16:55:46Z version=3\.2\.1\n/);
    await s.run('docker pull -q haproxy');
    const ha = await s.run('docker run --name ha haproxy');
    expect(ha.stderr).toBe('[NOTICE]   (1) : haproxy version is 3.1.0-f2b9791\n[ALERT]    (1) : config : Cannot open configuration file/directory /usr/local/etc/haproxy/haproxy.cfg : No such file or directory\n');
    expect(ha.exitCode).toBe(1);
    await s.run('mkdir -p cfg && printf "defaults\\n  mode http\\nfrontend web\\n  bind *:80\\n" > cfg/haproxy.cfg');
    await s.run('docker run -d --name ha2 -v $PWD/cfg:/usr/local/etc/haproxy:ro haproxy');
    expect((await s.run('docker logs ha2')).stderr).toContain('[NOTICE]   (1) : Loading success.\n');
  });

  it('docker:dind needs --privileged; with it, dockerd starts and says the nested daemon is not simulated', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q docker:dind');
    const bare = await s.run('docker run --name d1 docker:dind');
    expect(bare.stderr).toBe('mount: permission denied (are you root?)\nCould not mount /sys/kernel/security.\nAppArmor detection and --privileged mode might break.\nmount: permission denied (are you root?)\n');
    expect(bare.exitCode).toBe(1);
    await s.run('docker run -d --privileged --name d2 docker:dind');
    await s.run('sleep 2');
    const logs = (await s.run('docker logs d2')).stderr;
    expect(logs).toContain('level=info msg="API listen on [::]:2376"\n');
    expect(logs).toContain('msg="dockerlings: this nested daemon is not simulated; docker commands in this container (or against port 2376) reach no daemon"');
  });
});

describe('the catalog named next to Hub errors', () => {
  it('docker search with no result keeps the empty table and names the catalog on stderr', async () => {
    const s = createSession({ headless: true });
    const r = await s.run('docker search zzznothing');
    expect(r.stdout).toBe('NAME      DESCRIPTION   STARS     OFFICIAL\n');
    expect(r.stderr).toMatch(/^dockerlings: nothing in this simulator's Docker Hub catalog matches "zzznothing"; it has: alpine, busybox, .*\bdocker\b.*\brabbitmq\b.*\n$/);
    expect(r.exitCode).toBe(0);
    const found = await s.run('docker search --filter is-official=true --format "{{.Name}}" rabbit');
    expect(found.stdout).toBe('rabbitmq\n');
    expect(found.stderr).toBe('');
  });

  it('docker search lists the new images as official', async () => {
    const s = createSession({ headless: true });
    for (const [term, name] of [['memcached', 'memcached'], ['traefik', 'traefik'], ['haproxy', 'haproxy'], ['rocky', 'rockylinux'], ['wordpress', 'wordpress'], ['mysql', 'mysql'], ['docker', 'docker'], ['debian', 'debian']]) {
      const r = await s.run(`docker search --limit 1 --format "{{.Name}} {{.IsOfficial}}" ${term}`);
      expect(r.stdout, term).toBe(`${name} [OK]\n`);
    }
  });
});

describe('rabbitmq without the management plugin', () => {
  it('nothing listens on 15672', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q rabbitmq');
    await s.run('docker run -d --name mq -p 15672:15672 rabbitmq');
    await s.run('sleep 6');
    expect((await s.run('docker logs mq')).stdout).toMatch(/Server startup complete; 4 plugins started\.\n/);
    expect((await s.run('curl -s localhost:15672')).exitCode).not.toBe(0);
  });
});
