// docker compose up as compose does it: everything created before anything starts, the progress writers (tty, plain,
// json, quiet) chosen by --progress, --ansi and the terminal, --wait, and depends_on's required and restart.
import { describe, expect, it } from 'vitest';
import { fromLine as after, noColor as plain, plainTranscript as run, steps } from '../transcript';


/** A web service that waits for its database's healthcheck, and a named volume. */
const SHOP = `mkdir shop && cd shop
cat > compose.yaml <<'YAML'
services:
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
  db:
    image: nginx:alpine
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost/"]
      interval: 2s
    volumes: [data:/data]
volumes:
  data:
YAML
docker pull -q nginx:alpine
docker pull -q busybox`;

describe('docker compose up: create everything, then start in dependency order', () => {
  it('on a terminal the last frame lists networks, volumes, then containers in the order compose met them', async () => {
    const out = await run(`${SHOP}
docker compose up -d`);
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
[+] Running 4/4
 ✔ Network shop_default  Created                                           0.1s 
 ✔ Volume "shop_data"    Created                                           0.0s 
 ✔ Container shop-db-1   Healthy                                           0.5s 
 ✔ Container shop-web-1  Started                                           0.3s 
`);
  });

  it('plain progress prints every event: all containers are created before the first one starts', async () => {
    const out = await run(`${SHOP}
docker compose --progress plain up -d
docker compose down 2>&1 | cat
docker compose up -d 2>/dev/null
docker compose --progress quiet down
docker compose --ansi never up -d`);
    // the same events the second time, without the volume (it is still there: down keeps volumes without -v)
    const events = ` Network shop_default  Creating
 Network shop_default  Created
 Volume "shop_data"  Creating
 Volume "shop_data"  Created
 Container shop-db-1  Creating
 Container shop-db-1  Created
 Container shop-web-1  Creating
 Container shop-web-1  Created
 Container shop-db-1  Starting
 Container shop-db-1  Started
 Container shop-db-1  Waiting
 Container shop-db-1  Healthy
 Container shop-web-1  Starting
 Container shop-web-1  Started
`;
    expect(after(out, 'docker compose --progress plain up -d')).toBe(`$ docker compose --progress plain up -d
${events}$ docker compose down 2>&1 | cat
 Container shop-web-1  Stopping
 Container shop-web-1  Stopped
 Container shop-web-1  Removing
 Container shop-web-1  Removed
 Container shop-db-1  Stopping
 Container shop-db-1  Stopped
 Container shop-db-1  Removing
 Container shop-db-1  Removed
 Network shop_default  Removing
 Network shop_default  Removed
$ docker compose up -d 2>/dev/null
$ docker compose --progress quiet down
$ docker compose --ansi never up -d
${events.replace(/ Volume.*\n/g, '')}`);
  });

  it('json progress is one object per event; recreating a dependency stops its dependants first', async () => {
    const out = await run(`${SHOP}
docker compose up -d
docker compose --progress json up -d --force-recreate`);
    expect(after(out, 'docker compose --progress json up -d --force-recreate')).toBe(`$ docker compose --progress json up -d --force-recreate
{"id":"Container shop-web-1","status":"Stopping"}
{"id":"Container shop-web-1","status":"Stopped"}
{"id":"Container shop-db-1","status":"Recreate"}
{"id":"Container shop-db-1","status":"Recreated"}
{"id":"Container shop-web-1","status":"Recreate"}
{"id":"Container shop-web-1","status":"Recreated"}
{"id":"Container shop-db-1","status":"Starting"}
{"id":"Container shop-db-1","status":"Started"}
{"id":"Container shop-db-1","status":"Waiting"}
{"id":"Container shop-db-1","status":"Healthy"}
{"id":"Container shop-web-1","status":"Starting"}
{"id":"Container shop-web-1","status":"Started"}
`);
  });

  it('a stopped dependant that did not change is reported "Created", then started again', async () => {
    const out = await run(`mkdir app && cd app
printf 'services:\\n  web:\\n    image: nginx:alpine\\n    depends_on: [cache]\\n  cache:\\n    image: redis:alpine\\n' > compose.yaml
docker pull -q nginx:alpine
docker pull -q redis:alpine
docker compose up -d
sed -i 's/redis:alpine/redis:7/' compose.yaml
docker compose --progress plain up -d --quiet-pull`);
    expect(after(out, 'docker compose --progress plain up -d --quiet-pull')).toBe(`$ docker compose --progress plain up -d --quiet-pull
 Container app-web-1  Stopping
 Container app-web-1  Stopped
 Container app-cache-1  Recreate
 Container app-cache-1  Recreated
 Container app-web-1  Created
 Container app-cache-1  Starting
 Container app-cache-1  Started
 Container app-web-1  Starting
 Container app-web-1  Started
`);
  });

  it('refuses progress values and --ansi combinations compose refuses', async () => {
    const out = await run(`${SHOP}
docker compose --progress bogus ps
docker compose --ansi never --progress tty ps
docker compose --ansi always --progress plain ps`);
    expect(after(out, 'docker compose --progress bogus ps')).toBe(`$ docker compose --progress bogus ps
unsupported --progress value "bogus"
$ docker compose --ansi never --progress tty ps
can't use --progress tty while ANSI support is disabled
$ docker compose --ansi always --progress plain ps
can't use --progress plain while ANSI support is forced
`);
  });

  it("warnings take logrus's text form when stderr is not a terminal", async () => {
    const out = await run(`mkdir v && cd v
printf 'version: "3"\\nservices:\\n  a:\\n    image: busybox\\n' > compose.yaml
docker compose config -q 2>&1 | cat`);
    expect(after(out, 'docker compose config -q 2>&1 | cat')).toMatch(
      /^\$ docker compose config -q 2>&1 \| cat\ntime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=warning msg="\/root\/v\/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"\n$/,
    );
  });
});

describe('orphans', () => {
  it('are warned about, or removed in the same frame as the rest with --remove-orphans', async () => {
    const out = await run(`mkdir o && cd o
printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 1000\\n  b:\\n    image: busybox\\n    command: sleep 1000\\n' > compose.yaml
docker pull -q busybox
docker compose up -d
printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 1000\\n' > compose.yaml
docker compose up -d
docker compose up -d --remove-orphans
docker compose ps -a --format '{{.Name}}'`);
    expect(after(out, "printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 1000\\n' > compose.yaml")).toBe(`$ printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 1000\\n' > compose.yaml
$ docker compose up -d
WARN[0000] Found orphan containers ([o-b-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up. 
[+] Running 1/1
 ✔ Container o-a-1  Running                                                0.0s 
$ docker compose up -d --remove-orphans
[+] Running 2/2
 ✔ Container o-b-1  Removed                                                0.2s 
 ✔ Container o-a-1  Running                                                0.0s 
$ docker compose ps -a --format '{{.Name}}'
o-a-1
`);
  });
});

describe('docker compose up --wait', () => {
  it('waits for every service to be running or healthy, and fails with exit 1 on an unhealthy one', async () => {
    const all = await steps(`mkdir w && cd w
printf 'services:\\n  a:\\n    image: nginx:alpine\\n    healthcheck:\\n      test: ["CMD", "false"]\\n      interval: 1s\\n      retries: 2\\n  b:\\n    image: busybox\\n    command: sleep 1000\\n' > compose.yaml
docker pull -q nginx:alpine
docker pull -q busybox
docker compose up --wait b
docker compose up --wait
docker compose ps -a --format '{{.Name}}: {{.Status}}'`);
    const [waitB, waitAll, ps] = all.slice(-3).map((s) => ({ err: plain(s.stderr), out: s.stdout, code: s.exitCode }));
    expect(waitB).toEqual({
      err: `[+] Running 2/2
 ✔ Network w_default  Created                                              0.1s 
 ✔ Container w-b-1    Healthy                                              0.5s 
`,
      out: '',
      code: 0,
    });
    expect(waitAll).toEqual({
      err: `[+] Running 1/2
 ⠿ Container w-a-1  Waiting                                                0.0s 
 ✔ Container w-b-1  Healthy                                                0.5s 
container w-a-1 is unhealthy
`,
      out: '',
      code: 1,
    });
    expect(ps.out).toBe('w-a-1: Up 4 seconds (unhealthy)\nw-b-1: Up 5 seconds\n');
  });

  it("--wait-timeout gives up with compose's message", async () => {
    const all = await steps(`mkdir t && cd t
printf 'services:\\n  a:\\n    image: nginx:alpine\\n    healthcheck:\\n      test: ["CMD", "false"]\\n      interval: 30s\\n      retries: 3\\n' > compose.yaml
docker pull -q nginx:alpine
docker compose --progress plain up --wait --wait-timeout 5`);
    const last = all[all.length - 1];
    expect([last.stderr, last.exitCode]).toEqual([
      ` Network t_default  Creating
 Network t_default  Created
 Container t-a-1  Creating
 Container t-a-1  Created
 Container t-a-1  Starting
 Container t-a-1  Started
 Container t-a-1  Waiting
application not healthy after 5s
`,
      1,
    ]);
  });
});

describe('depends_on: required and restart', () => {
  const PROJECT = `mkdir r && cd r
cat > compose.yaml <<'YAML'
services:
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_started
        restart: true
      debug:
        condition: service_started
        required: false
  db:
    image: busybox
    command: sleep 1000
  debug:
    image: busybox
    profiles: [tools]
YAML
docker pull -q busybox`;

  it('an optional dependency may be a disabled service; restarting a dependency restarts who asked for it', async () => {
    const out = await run(`${PROJECT}
docker compose up -d
docker compose restart db
docker compose --progress plain restart --no-deps db
docker compose config | grep -A 7 depends_on
sed -i 's/required: false/required: true/' compose.yaml
docker compose up -d`);
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
[+] Running 3/3
 ✔ Network r_default  Created                                              0.1s 
 ✔ Container r-db-1   Started                                              0.3s 
 ✔ Container r-web-1  Started                                              0.3s 
$ docker compose restart db
[+] Restarting 2/2
 ✔ Container r-db-1   Started                                              0.3s 
 ✔ Container r-web-1  Started                                              0.3s 
$ docker compose --progress plain restart --no-deps db
 Container r-db-1  Restarting
 Container r-db-1  Started
$ docker compose config | grep -A 7 depends_on
    depends_on:
      db:
        condition: service_started
        restart: true
        required: true
      debug:
        condition: service_started
        required: false
$ sed -i 's/required: false/required: true/' compose.yaml
$ docker compose up -d
service "web" depends on undefined service "debug": invalid compose project
`);
  });

  it('an optional dependency that fails is skipped with a warning (the frame cuts a status too long for the width)', async () => {
    const out = await run(`mkdir o && cd o
printf 'services:\\n  a:\\n    image: busybox\\n    command: "false"\\n  b:\\n    image: busybox\\n    command: sleep 1000\\n    depends_on:\\n      a:\\n        condition: service_completed_successfully\\n        required: false\\n' > compose.yaml
docker pull -q busybox
docker compose up -d`);
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
WARN[0000] optional dependency "a" didn't complete successfully: exit 1 
[+] Running 3/3
 ✔ Network o_default  Created                                              0.1s 
 ! Container o-a-1    Skipped: optional dependency "a...                   0.5s 
 ✔ Container o-b-1    Started                                              0.3s 
`);
  });
});

describe('docker compose start', () => {
  it('starts the services in dependency order, each after what its depends_on waits for, and needs containers', async () => {
    const out = await run(`mkdir s && cd s
printf 'services:\\n  web:\\n    image: busybox\\n    command: sleep 1000\\n    depends_on:\\n      db:\\n        condition: service_healthy\\n  db:\\n    image: nginx:alpine\\n    healthcheck:\\n      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost/"]\\n      interval: 2s\\n' > compose.yaml
docker pull -q busybox
docker pull -q nginx:alpine
docker compose start
docker compose create
docker compose --progress plain start
docker compose stop
docker compose start web`);
    expect(after(out, 'docker compose start')).toBe(`$ docker compose start
service "db" has no container to start
$ docker compose create
[+] Creating 3/3
 ✔ Network s_default  Created                                              0.1s 
 ✔ Container s-db-1   Created                                              0.1s 
 ✔ Container s-web-1  Created                                              0.1s 
$ docker compose --progress plain start
 Container s-db-1  Starting
 Container s-db-1  Started
 Container s-db-1  Waiting
 Container s-db-1  Healthy
 Container s-web-1  Starting
 Container s-web-1  Started
$ docker compose stop
[+] Stopping 2/2
 ✔ Container s-web-1  Stopped                                              0.3s 
 ✔ Container s-db-1   Stopped                                              0.3s 
$ docker compose start web
[+] Running 2/2
 ✔ Container s-db-1   Healthy                                              0.5s 
 ✔ Container s-web-1  Started                                              0.3s 
`);
  });
});
