// docker compose transcripts: up/ps/logs/exec/down on small projects, what the engine holds after each, and bad files.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { fromLine as after, noColor as plain, plainTranscript as run, normalizeIds, transcript, steps } from '../transcript';
import { allContainers } from '../../engine/index';


const WEB_AND_CACHE = `mkdir app && cd app
cat > compose.yaml <<'EOF'
services:
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
    depends_on:
      - cache
  cache:
    image: redis:alpine
EOF
docker pull -q nginx:alpine
docker pull -q redis:alpine`;

describe('docker compose up, ps, logs, exec, down', () => {
  it('up -d makes the default network and one container per service, dependencies first', async () => {
    const out = await run(`${WEB_AND_CACHE}
docker compose up -d
docker compose ps
docker compose ls
docker network ls --filter name=app
curl -s localhost:8080 | grep title
docker compose exec -T web ping -c 1 cache
docker compose down
docker compose ps -a
docker network ls --filter name=app`);
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
[+] Running 3/3
 ✔ Network app_default    Created                                          0.1s 
 ✔ Container app-cache-1  Started                                          0.3s 
 ✔ Container app-web-1    Started                                          0.3s 
$ docker compose ps
NAME          IMAGE          COMMAND                  SERVICE   CREATED        STATUS        PORTS
app-cache-1   redis:alpine   "docker-entrypoint.s…"   cache     1 second ago   Up 1 second   6379/tcp
app-web-1     nginx:alpine   "/docker-entrypoint.…"   web       1 second ago   Up 1 second   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp
$ docker compose ls
NAME      STATUS       CONFIG FILES
app       running(2)   /root/app/compose.yaml
$ docker network ls --filter name=app
NETWORK ID     NAME          DRIVER    SCOPE
<id12>   app_default   bridge    local
$ curl -s localhost:8080 | grep title
<title>Welcome to nginx!</title>
$ docker compose exec -T web ping -c 1 cache
PING cache (172.18.0.2): 56 data bytes
64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.060 ms

--- cache ping statistics ---
1 packets transmitted, 1 packets received, 0% packet loss
round-trip min/avg/max = 0.060/0.060/0.060 ms
$ docker compose down
[+] Running 3/3
 ✔ Container app-web-1    Removed                                          0.2s 
 ✔ Container app-cache-1  Removed                                          0.2s 
 ✔ Network app_default    Removed                                          0.1s 
$ docker compose ps -a
NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS
$ docker network ls --filter name=app
NETWORK ID   NAME      DRIVER    SCOPE
`);
  });

  it("progress frames fit the terminal's width", async () => {
    const s = createSession({ seed: 1 });
    s.resize(60, 20);
    for (const l of ['docker pull -q redis:alpine', 'printf "services:\\n  cache:\\n    image: redis:alpine\\n" > compose.yaml', 'echo $COLUMNS']) await s.run(l);
    const r = await s.run('docker compose up -d');
    expect(plain(r.stderr)).toBe(`[+] Running 2/2
 ✔ Network root_default    C...                        0.1s 
 ✔ Container root-cache-1  Started                     0.3s 
`);
    expect(plain(r.stderr).split('\n').every((line) => [...line].length <= 60)).toBe(true);
  });

  it('labels each container, network and volume as Compose does', async () => {
    const s = createSession({ seed: 1 });
    for (const l of [...WEB_AND_CACHE.split('\n').slice(0, 1), 'printf "services:\\n  cache:\\n    image: redis:alpine\\n    volumes: [data:/data]\\nvolumes:\\n  data:\\n" > compose.yaml', 'docker compose up -d']) await s.run(l);
    const st = s.engine.state;
    const c = allContainers(st).find((x) => x.name === 'app-cache-1')!;
    expect(c.config.Labels).toMatchObject({
      'com.docker.compose.project': 'app',
      'com.docker.compose.service': 'cache',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': '/root/app',
      'com.docker.compose.project.config_files': '/root/app/compose.yaml',
      'com.docker.compose.version': '2.32.4',
    });
    expect(c.config.Labels!['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(c.endpoints)).toEqual(['app_default']);
    const net = Object.values(st.networks).find((n) => n.name === 'app_default')!;
    expect(net.labels).toEqual({ 'com.docker.compose.network': 'default', 'com.docker.compose.project': 'app', 'com.docker.compose.version': '2.32.4' });
    expect(st.volumes.app_data.labels).toEqual({ 'com.docker.compose.project': 'app', 'com.docker.compose.version': '2.32.4', 'com.docker.compose.volume': 'data' });
  });

  it('a second up keeps what did not change, recreates what did, and scales', async () => {
    const out = await run(`${WEB_AND_CACHE}
docker compose up -d
docker compose up -d
sed -i 's/8080:80/9090:80/' compose.yaml
docker compose up -d
docker compose up -d --scale cache=2
docker compose ps --format '{{.Name}} {{.Status}}'
docker compose up -d
docker compose ps --services`);
    expect(after(out, "sed -i 's/8080:80/9090:80/' compose.yaml")).toBe(`$ sed -i 's/8080:80/9090:80/' compose.yaml
$ docker compose up -d
[+] Running 2/2
 ✔ Container app-cache-1  Running                                          0.0s 
 ✔ Container app-web-1    Started                                          0.3s 
$ docker compose up -d --scale cache=2
[+] Running 3/3
 ✔ Container app-cache-1  Running                                          0.0s 
 ✔ Container app-cache-2  Started                                          0.3s 
 ✔ Container app-web-1    Running                                          0.0s 
$ docker compose ps --format '{{.Name}} {{.Status}}'
app-cache-1 Up 5 seconds
app-cache-2 Up 1 second
app-web-1 Up 2 seconds
$ docker compose up -d
[+] Running 3/3
 ✔ Container app-cache-2  Removed                                          0.2s 
 ✔ Container app-cache-1  Running                                          0.0s 
 ✔ Container app-web-1    Running                                          0.0s 
$ docker compose ps --services
cache
web
`);
    expect(out).toContain(`$ docker compose up -d
[+] Running 2/2
 ✔ Container app-cache-1  Running                                          0.0s 
 ✔ Container app-web-1    Running                                          0.0s 
`);
  });

  it('top lists each container with its processes, as compose prints them', async () => {
    const out = await run(`${WEB_AND_CACHE}
docker compose up -d web
docker compose top web`);
    expect(after(out, 'docker compose top web')).toBe(`$ docker compose top web
app-web-1
UID        PID     PPID   C    STIME   TTY   TIME       CMD
root       2001    1001   0    09:00   ?     00:00:00   nginx: master process nginx -g daemon off;   
systemd+   30079   2001   0    09:00   ?     00:00:00   nginx: worker process                        

`);
  });

  it('cp copies into and out of a service container', async () => {
    const out = await run(`${WEB_AND_CACHE}
docker compose up -d web
echo hi > note.txt
docker compose cp note.txt web:/tmp/
docker compose exec -T web cat /tmp/note.txt
docker compose cp web:/tmp/note.txt ./back.txt
cat back.txt
docker compose cp web:/tmp/note.txt cache:/x`);
    expect(after(out, 'docker compose cp note.txt web:/tmp/')).toBe(`$ docker compose cp note.txt web:/tmp/
[+] Copying 1/1
 ✔ app-web-1 copy note.txt to app-web-1:/tmp/ Copied                       0.0s 
$ docker compose exec -T web cat /tmp/note.txt
hi
$ docker compose cp web:/tmp/note.txt ./back.txt
[+] Copying 1/1
 ✔ app-web-1 copy app-web-1:/tmp/note.txt to ./back.txt Copied             0.0s 
$ cat back.txt
hi
$ docker compose cp web:/tmp/note.txt cache:/x
copying between services is not supported
`);
  });

  it('logs prefix each line with its container, in one colour per container', async () => {
    const raw = normalizeIds(await transcript(`${WEB_AND_CACHE}
docker compose up -d
docker compose logs --tail 1`));
    expect(after(raw, 'docker compose logs --tail 1')).toBe(`$ docker compose logs --tail 1
\x1b[36mcache-1  | \x1b[0m1:M 23 Nov 2026 09:00:05.000 * Ready to accept connections tcp
\x1b[33mweb-1    | \x1b[0m2026/11/23 09:00:05 [notice] 1#1: start worker process 30
`);
  });

  it('up without -d attaches to the output and Ctrl+C stops the services', async () => {
    const all = await steps(`${WEB_AND_CACHE}
docker compose up cache`);
    const last = all[all.length - 1];
    expect(plain(last.output)).toContain('Attaching to cache-1\ncache-1  | 1:C 23 Nov 2026');
    expect(plain(last.output)).toContain(`Gracefully stopping... (press Ctrl+C again to force)
[+] Stopping 1/1
 ✔ Container app-cache-1  Stopped`);
  });
});

describe('depends_on conditions', () => {
  it('service_healthy waits for the healthcheck; the dependant then reaches the service by its name', async () => {
    const out = await run(`mkdir hc && cd hc
cat > compose.yaml <<'EOF'
services:
  web:
    image: nginx:alpine
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost/"]
      interval: 2s
  client:
    image: busybox
    command: wget -q -O - http://web/
    depends_on:
      web:
        condition: service_healthy
EOF
docker pull -q nginx:alpine
docker pull -q busybox
docker compose up -d
docker compose ps -a --format '{{.Service}}: {{.Status}}'
docker compose logs --no-log-prefix client | grep title
sed -i 's/interval: 2s/interval: 2x/' compose.yaml
docker compose up -d`);
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
[+] Running 3/3
 ✔ Network hc_default     Created                                          0.1s 
 ✔ Container hc-web-1     Healthy                                          0.5s 
 ✔ Container hc-client-1  Started                                          0.3s 
$ docker compose ps -a --format '{{.Service}}: {{.Status}}'
client: Exited (0) 1 second ago
web: Up 3 seconds (healthy)
$ docker compose logs --no-log-prefix client | grep title
<title>Welcome to nginx!</title>
$ sed -i 's/interval: 2s/interval: 2x/' compose.yaml
$ docker compose up -d
validating /root/hc/compose.yaml: services.web.healthcheck.interval Does not match format 'duration'
`);
  });

  it('a dependency without a healthcheck cannot be waited for', async () => {
    const all = await steps(`printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 100\\n  b:\\n    image: busybox\\n    depends_on:\\n      a: {condition: service_healthy}\\n' > compose.yaml
docker pull -q busybox
docker compose up -d`);
    const last = all[all.length - 1];
    expect([plain(last.stderr).split('\n').slice(-2)[0], last.exitCode]).toEqual(['dependency failed to start: container root-a-1 has no healthcheck configured', 1]);
  });
});

describe('compose files: discovery, variables, validation', () => {
  it('interpolates ${VAR:-default} from .env and the shell, and refuses a missing required one', async () => {
    const out = await run(`mkdir v && cd v
printf 'TAG=alpine\\n' > .env
printf 'services:\\n  web:\\n    image: "nginx:\${TAG}"\\n    environment:\\n      MODE: "\${MODE:-dev}"\\n      NEED: "\${NEED:?set NEED first}"\\n' > compose.yaml
docker compose config
NEED=1 docker compose config --images
NEED=1 TAG=latest docker compose config --images`);
    expect(after(out, 'docker compose config')).toBe(`$ docker compose config
error while interpolating services.web.environment.NEED: required variable NEED is missing a value: set NEED first
$ NEED=1 docker compose config --images
nginx:alpine
$ NEED=1 TAG=latest docker compose config --images
nginx:latest
`);
  });

  it("gives Compose's errors for a bad file", async () => {
    const all = await steps(`mkdir bad && cd bad
docker compose up
printf 'services:\\n  web:\\n    imagee: nginx\\n' > compose.yaml
docker compose up
printf 'services:\\n  web:\\n    image: nginx\\n    ports: 80\\n' > compose.yaml
docker compose up
printf 'servics:\\n  web: {}\\n' > compose.yaml
docker compose up
printf 'services:\\n  web:\\n    image: nginx\\n    depends_on: [db]\\n' > compose.yaml
docker compose up
printf 'services:\\n  web:\\n    environment:\\n      A: 1\\n' > compose.yaml
docker compose up
printf 'services:\\n  web:\\n    image: nginx\\n    volumes: [data:/data]\\n' > compose.yaml
docker compose up
printf 'services:\\n  web:\\n    image: nginx\\n    env_file: web.env\\n' > compose.yaml
docker compose up
docker compose -p Bad up
docker compose frobnicate`);
    const errs = all.filter((s) => s.line.startsWith('docker compose')).map((s) => [plain(s.output), s.exitCode]);
    expect(errs).toEqual([
      ['no configuration file provided: not found\n', 1],
      ['validating /root/bad/compose.yaml: services.web Additional property imagee is not allowed\n', 1],
      ['validating /root/bad/compose.yaml: services.web.ports must be a list\n', 1],
      ['validating /root/bad/compose.yaml: (root) Additional property servics is not allowed\n', 1],
      ['service "web" depends on undefined service "db": invalid compose project\n', 1],
      ['service "web" has neither an image nor a build context specified: invalid compose project\n', 1],
      ['service "web" refers to undefined volume data: invalid compose project\n', 1],
      ['env file /root/bad/web.env not found: stat /root/bad/web.env: no such file or directory\n', 1],
      ['invalid project name "Bad": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number\n', 1],
      ['unknown docker command: "compose frobnicate"\n', 1],
    ]);
  });

  it('env_file values come first and environment overrides them', async () => {
    const out = await run(`printf 'A=from-file\\nB=from-file\\n' > web.env
printf 'services:\\n  web:\\n    image: busybox\\n    env_file: web.env\\n    environment:\\n      B: from-yaml\\n' > compose.yaml
docker compose config | grep -A3 environment`);
    expect(after(out, 'docker compose config | grep -A3 environment')).toBe(`$ docker compose config | grep -A3 environment
    environment:
      A: from-file
      B: from-yaml
    image: busybox
`);
  });

  it('warns about the obsolete version attribute and a variable that is not set', async () => {
    const out = await transcript(`mkdir w && cd w
printf 'version: "3"\\nservices:\\n  web:\\n    image: nginx:\${TAG}\\n' > compose.yaml
docker compose config --services`);
    expect(after(out, 'docker compose config --services')).toBe(`$ docker compose config --services
\x1b[33mWARN\x1b[0m[0000] The "TAG" variable is not set. Defaulting to a blank string. 
\x1b[33mWARN\x1b[0m[0000] /root/w/compose.yaml: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion 
web
`);
  });

  it('docker info lists the compose plugin, docker --help marks plugins, docker compose version', async () => {
    const out = await run(`docker info --format '{{json .}}' >/dev/null
docker info | sed -n 5,11p
docker --help | grep -E 'buildx|compose'
docker compose version
docker compose version --short`);
    expect(after(out, 'docker info | sed -n 5,11p')).toBe(`$ docker info | sed -n 5,11p
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.20.0
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.32.4
    Path:     /usr/libexec/docker/cli-plugins/docker-compose
$ docker --help | grep -E 'buildx|compose'
  buildx*     Docker Buildx
  compose*    Docker Compose
$ docker compose version
Docker Compose version v2.32.4
$ docker compose version --short
2.32.4
`);
  });
});
