// docker compose with more than one file's worth of settings: secrets and configs, extends, include, and their errors.
import { describe, expect, it } from 'vitest';
import { fromLine as after, noColor as plain, plainTranscript as run } from '../transcript';


describe('secrets and configs', () => {
  it('a file is bind-mounted read-only, an environment value or inline content is copied in (0444)', async () => {
    const out = await run(`mkdir app && cd app
printf 's3cret\\n' > db_password.txt
printf 'server { listen 80; }\\n' > site.conf
cat > compose.yaml <<'YAML'
services:
  db:
    image: busybox
    command: sleep 1000
    secrets:
      - db_password
      - source: api_key
        target: key
    configs:
      - site
      - source: motd
        target: /etc/motd
secrets:
  db_password:
    file: ./db_password.txt
  api_key:
    environment: API_KEY
configs:
  site:
    file: ./site.conf
  motd:
    content: |
      hello from compose
YAML
docker pull -q busybox
API_KEY=abc123 docker compose up -d
docker compose exec db cat /run/secrets/db_password /run/secrets/key /site /etc/motd
docker compose exec db ls -l /run/secrets/key /etc/motd
docker compose exec db sh -c 'echo x > /run/secrets/db_password'
docker compose down
docker compose up -d
sed -i 's/- db_password/- db_pass/' compose.yaml
docker compose up -d`);
    expect(after(out, 'API_KEY=abc123 docker compose up -d')).toBe(`$ API_KEY=abc123 docker compose up -d
[+] Running 2/2
 ✔ Network app_default  Created                                            0.1s 
 ✔ Container app-db-1   Started                                            0.3s 
$ docker compose exec db cat /run/secrets/db_password /run/secrets/key /site /etc/motd
s3cret
abc123server { listen 80; }
hello from compose
$ docker compose exec db ls -l /run/secrets/key /etc/motd
-r--r--r--    1 root     root            19 Nov 23 09:00 /etc/motd
-r--r--r--    1 root     root             6 Nov 23 09:00 /run/secrets/key
$ docker compose exec db sh -c 'echo x > /run/secrets/db_password'
sh: can't create /run/secrets/db_password: Read-only file system
$ docker compose down
[+] Running 2/2
 ✔ Container app-db-1   Removed                                            0.2s 
 ✔ Network app_default  Removed                                            0.1s 
$ docker compose up -d
[+] Running 1/2
 ✔ Network app_default  Created                                            0.1s 
 ⠿ Container app-db-1   Creating                                           0.0s 
environment variable "API_KEY" required by file "app_api_key" is not set
$ sed -i 's/- db_password/- db_pass/' compose.yaml
$ docker compose up -d
service "db" refers to undefined secret db_pass: invalid compose project
`);
  });

  it("gives compose's errors for what it cannot mount", async () => {
    const out = await run(`mkdir app && cd app
printf 'services:\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    secrets: [db_password]\\nsecrets:\\n  db_password:\\n    external: true\\n' > compose.yaml
docker pull -q busybox
docker compose up -d
docker compose down
printf 'services:\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    configs: [site]\\nconfigs:\\n  site:\\n    file: ./site.conf\\n    template_driver: golang\\n' > compose.yaml
docker compose up -d
docker compose down
printf 'services:\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    secrets: [nope]\\nsecrets:\\n  nope:\\n    file: ./nope.txt\\n' > compose.yaml
docker compose up -d`);
    const frame = `[+] Running 1/2
 ✔ Network app_default  Created                                            0.1s 
 ⠿ Container app-db-1   Creating                                           0.0s 
`;
    expect(after(out, 'docker compose up -d')).toBe(`$ docker compose up -d
${frame}unsupported external secret db_password
$ docker compose down
[+] Running 1/1
 ✔ Network app_default  Removed                                            0.1s 
$ printf 'services:\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    configs: [site]\\nconfigs:\\n  site:\\n    file: ./site.conf\\n    template_driver: golang\\n' > compose.yaml
$ docker compose up -d
${frame}Docker Compose does not support configs.*.template_driver
$ docker compose down
[+] Running 1/1
 ✔ Network app_default  Removed                                            0.1s 
$ printf 'services:\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    secrets: [nope]\\nsecrets:\\n  nope:\\n    file: ./nope.txt\\n' > compose.yaml
$ docker compose up -d
WARN[0000] secret file app_nope does not exist          
${frame}Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /root/app/nope.txt
`);
  });
});

describe('docker compose config', () => {
  it('prints secrets and configs in their long syntax, named and with absolute paths', async () => {
    const out = await run(`mkdir app && cd app
printf 'services:\\n  db:\\n    image: busybox\\n    secrets:\\n      - db_password\\n      - source: api_key\\n        target: key\\n    configs: [motd]\\nsecrets:\\n  db_password:\\n    file: ./db_password.txt\\n  api_key:\\n    environment: API_KEY\\nconfigs:\\n  motd:\\n    content: hello\\n' > compose.yaml
docker compose config`);
    expect(after(out, 'docker compose config')).toBe(`$ docker compose config
name: app
services:
  db:
    configs:
      - source: motd
    image: busybox
    networks:
      default: null
    secrets:
      - source: db_password
      - source: api_key
        target: key
networks:
  default:
    name: app_default
secrets:
  db_password:
    name: app_db_password
    file: /root/app/db_password.txt
  api_key:
    name: app_api_key
    environment: API_KEY
configs:
  motd:
    name: app_motd
    content: hello
`);
  });
});

describe('extends and include', () => {
  const PROJECT = `mkdir -p app/db && cd app
cat > common.yaml <<'YAML'
services:
  base:
    image: busybox
    environment:
      LEVEL: info
    volumes:
      - ./shared:/shared
YAML
cat > db/compose.yaml <<'YAML'
services:
  cache:
    image: redis:alpine
    env_file: cache.env
YAML
printf 'MAXMEM=64mb\\n' > db/cache.env
cat > compose.yaml <<'YAML'
include:
  - db/compose.yaml
services:
  worker:
    extends:
      file: common.yaml
      service: base
    command: sleep 1000
    environment:
      ROLE: worker
  helper:
    extends: worker
    environment:
      ROLE: helper
YAML
docker pull -q busybox
docker pull -q redis:alpine`;

  it('a service extends one from another file or its own; an included project brings its services, paths resolved where they were written', async () => {
    const out = await run(`${PROJECT}
docker compose config --services
docker compose up -d
docker compose exec helper env | grep -E 'ROLE|LEVEL'
docker compose exec cache env | grep MAXMEM
docker inspect app-worker-1 --format '{{range .Mounts}}{{.Source}} -> {{.Destination}}{{end}}'`);
    expect(after(out, 'docker compose config --services')).toBe(`$ docker compose config --services
worker
helper
cache
$ docker compose up -d
[+] Running 4/4
 ✔ Network app_default     Created                                         0.1s 
 ✔ Container app-worker-1  Started                                         0.3s 
 ✔ Container app-helper-1  Started                                         0.3s 
 ✔ Container app-cache-1   Started                                         0.3s 
$ docker compose exec helper env | grep -E 'ROLE|LEVEL'
LEVEL=info
ROLE=helper
$ docker compose exec cache env | grep MAXMEM
MAXMEM=64mb
$ docker inspect app-worker-1 --format '{{range .Mounts}}{{.Source}} -> {{.Destination}}{{end}}'
/root/app/shared -> /shared
`);
  });

  it("gives compose-go's errors for a missing service or file, a circular chain and a conflicting include", async () => {
    const out = await run(`${PROJECT}
sed -i 's/extends: worker/extends: wrker/' compose.yaml
docker compose config -q
sed -i 's/extends: wrker/extends: helper/' compose.yaml
docker compose config -q
sed -i 's/extends: helper/extends: worker/; s/service: base/service: bas/' compose.yaml
docker compose config -q
sed -i 's/service: bas/service: base/; s|db/compose.yaml|db/compose.yml|' compose.yaml
docker compose config -q
printf 'services:\\n  cache:\\n    image: nginx\\n' > other.yaml
sed -i 's|db/compose.yml|db/compose.yaml\\n  - other.yaml|' compose.yaml
docker compose config -q
printf 'include:\\n  - ../compose.yaml\\nservices:\\n  cache:\\n    image: redis:alpine\\n' > db/compose.yaml
sed -i '/other.yaml/d' compose.yaml
docker compose config -q`);
    expect(after(out, 'docker compose config -q')).toBe(`$ docker compose config -q
cannot extend service "helper" in /root/app/compose.yaml: service "wrker" not found
$ sed -i 's/extends: wrker/extends: helper/' compose.yaml
$ docker compose config -q
Circular reference:
  helper in /root/app/compose.yaml
  extends helper in /root/app/compose.yaml
$ sed -i 's/extends: helper/extends: worker/; s/service: base/service: bas/' compose.yaml
$ docker compose config -q
cannot extend service "worker" in /root/app/compose.yaml: service "bas" not found in common.yaml
$ sed -i 's/service: bas/service: base/; s|db/compose.yaml|db/compose.yml|' compose.yaml
$ docker compose config -q
open /root/app/db/compose.yml: no such file or directory
$ printf 'services:\\n  cache:\\n    image: nginx\\n' > other.yaml
$ sed -i 's|db/compose.yml|db/compose.yaml\\n  - other.yaml|' compose.yaml
$ docker compose config -q
services.cache conflicts with imported resource
$ printf 'include:\\n  - ../compose.yaml\\nservices:\\n  cache:\\n    image: redis:alpine\\n' > db/compose.yaml
$ sed -i '/other.yaml/d' compose.yaml
$ docker compose config -q
include cycle detected:
/root/app/compose.yaml
 include /root/app/db/compose.yaml
 include /root/app/compose.yaml
`);
  });
});

describe('docker compose watch', () => {
  it('accepts a develop section, and says why it cannot watch in this terminal', async () => {
    const out = await run(`mkdir app && cd app
printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml
docker compose watch
printf 'services:\\n  web:\\n    image: nginx\\n    develop:\\n      watch:\\n        - path: ./site\\n          action: sync\\n          target: /usr/share/nginx/html\\n' > compose.yaml
docker compose config -q
docker compose watch
sed -i 's/action: sync/action: copy/' compose.yaml
docker compose watch`);
    expect(after(out, 'docker compose watch')).toBe(`$ docker compose watch
none of the selected services is configured for watch, consider setting an 'develop' section
$ printf 'services:\\n  web:\\n    image: nginx\\n    develop:\\n      watch:\\n        - path: ./site\\n          action: sync\\n          target: /usr/share/nginx/html\\n' > compose.yaml
$ docker compose config -q
$ docker compose watch
docker compose watch is not supported by this simulator: its one terminal stays busy while watch runs, so no file could change. Edit, then run \`docker compose up -d --build\` (rebuild) or \`docker compose cp\` (sync).
$ sed -i 's/action: sync/action: copy/' compose.yaml
$ docker compose watch
validating /root/app/compose.yaml: services.web.develop.watch.0.action must be one of the following: "rebuild", "sync", "restart", "sync+restart", "sync+exec"
`);
  });
});
