// The compose lessons' projects end to end, as a learner types them: up, ps, curl, logs, exec and down, with the
// whole output pinned in compose v2's shapes (tty progress frame, ps columns, service-prefixed logs).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { noColor } from '../transcript';

/** Run each line and return `$ line`, its stdout and its stderr (colours removed), as a terminal would show them. */
async function session(lines: string[], quiet = 0): Promise<string> {
  const s = createSession({ headless: true });
  let out = '';
  for (const [i, line] of lines.entries()) {
    const r = await s.run(line);
    expect(r.exitCode, line).toBe(0);
    if (i >= quiet) out += `$ ${line}\n${r.stdout}${noColor(r.stderr)}`;
  }
  return out;
}

const APP = "import redis\nfrom flask import Flask\n\napp = Flask(__name__)\ncache = redis.Redis(host='redis', port=6379)\n\n@app.route('/')\ndef hello():\n    count = cache.incr('hits')\n    return f'Hello World! I have been seen {count} times.\\n'\n";
const DOCKERFILE = 'FROM python:3.13-alpine\\nWORKDIR /code\\nENV FLASK_APP=app.py\\nENV FLASK_RUN_HOST=0.0.0.0\\nCOPY requirements.txt requirements.txt\\nRUN pip install -r requirements.txt\\nEXPOSE 5000\\nCOPY . .\\nCMD ["flask", "run", "--debug"]\\n';
const COUNTER = 'services:\\n  web:\\n    build: .\\n    ports:\\n      - "8000:5000"\\n  redis:\\n    image: "redis:alpine"\\n';

const WORDPRESS =
  'services:\\n  db:\\n    image: mysql:8.0\\n    environment:\\n      MYSQL_ROOT_PASSWORD: rootpw\\n      MYSQL_DATABASE: wordpress\\n      MYSQL_USER: wp\\n      MYSQL_PASSWORD: wppw\\n    volumes:\\n      - db_data:/var/lib/mysql\\n    healthcheck:\\n      test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]\\n      interval: 2s\\n      retries: 10\\n' +
  '  wordpress:\\n    image: wordpress\\n    depends_on:\\n      db:\\n        condition: service_healthy\\n    ports:\\n      - "8080:80"\\n    environment:\\n      WORDPRESS_DB_HOST: db\\n      WORDPRESS_DB_USER: wp\\n      WORDPRESS_DB_PASSWORD: wppw\\n      WORDPRESS_DB_NAME: wordpress\\n    volumes:\\n      - wp_data:/var/www/html\\nvolumes:\\n  db_data:\\n  wp_data:\\n';

describe('compose lesson projects', () => {
  it('the redis counter: built web service, redis by name, one more visit per curl, down removes what up made', async () => {
    const out = await session([
      'mkdir composetest', 'cd composetest', `cat > app.py <<'EOF'\n${APP}EOF`, "printf 'flask\\nredis\\n' > requirements.txt",
      `printf '${DOCKERFILE}' > Dockerfile`, `printf '${COUNTER}' > compose.yaml`, 'docker compose up -d 2>/dev/null',
      'curl -s localhost:8000', 'curl -s localhost:8000', 'docker compose ps', 'docker compose logs --no-color redis | tail -2',
      'docker compose exec redis redis-cli get hits', 'docker compose down',
    ], 7);
    expect(out).toBe(`$ curl -s localhost:8000
Hello World! I have been seen 1 times.
$ curl -s localhost:8000
Hello World! I have been seen 2 times.
$ docker compose ps
NAME                  IMAGE             COMMAND                  SERVICE   CREATED         STATUS         PORTS
composetest-redis-1   redis:alpine      "docker-entrypoint.s…"   redis     3 seconds ago   Up 3 seconds   6379/tcp
composetest-web-1     composetest-web   "flask run --debug"      web       3 seconds ago   Up 3 seconds   0.0.0.0:8000->5000/tcp, [::]:8000->5000/tcp
$ docker compose logs --no-color redis | tail -2
redis-1  | 1:M 23 Nov 2026 09:00:09.000 * Server initialized
redis-1  | 1:M 23 Nov 2026 09:00:09.000 * Ready to accept connections tcp
$ docker compose exec redis redis-cli get hits
"2"
$ docker compose down
[+] Running 3/3
 ✔ Container composetest-redis-1  Remov...                                 0.2s 
 ✔ Container composetest-web-1    Removed                                  0.2s 
 ✔ Network composetest_default    Removed                                  0.1s 
`);
  });

  it('WordPress with MySQL: the db turns healthy before wordpress starts, curl reaches the installer, volumes outlive down', async () => {
    const out = await session([
      'docker pull -q mysql:8.0', 'docker pull -q wordpress', 'mkdir blog', 'cd blog', `printf '${WORDPRESS}' > compose.yaml`,
      'docker compose up -d', 'docker compose ps', "curl -sL localhost:8080 | grep '<title>'", 'docker compose logs --no-color wordpress | tail -2',
      'docker compose exec -T db mysql -uroot -prootpw -e "SHOW DATABASES"', 'docker compose down', 'docker volume ls',
    ], 5);
    expect(out).toBe(`$ docker compose up -d
[+] Running 5/5
 ✔ Network blog_default        Created                                     0.1s 
 ✔ Volume "blog_db_data"       Created                                     0.0s 
 ✔ Volume "blog_wp_data"       Created                                     0.0s 
 ✔ Container blog-db-1         Healthy                                     0.5s 
 ✔ Container blog-wordpress-1  Started                                     0.3s 
$ docker compose ps
NAME               IMAGE       COMMAND                  SERVICE     CREATED          STATUS                    PORTS
blog-db-1          mysql:8.0   "docker-entrypoint.s…"   db          10 seconds ago   Up 10 seconds (healthy)   3306/tcp, 33060/tcp
blog-wordpress-1   wordpress   "docker-entrypoint.s…"   wordpress   10 seconds ago   Up 1 second               0.0.0.0:8080->80/tcp, [::]:8080->80/tcp
$ curl -sL localhost:8080 | grep '<title>'
\t<title>WordPress &rsaquo; Installation</title>
$ docker compose logs --no-color wordpress | tail -2
wordpress-1  | 172.18.0.1 - - [23/Nov/2026:09:00:17 +0000] "GET / HTTP/1.1" 302 0 "-" "curl/8.5.0"
wordpress-1  | 172.18.0.1 - - [23/Nov/2026:09:00:17 +0000] "GET /wp-admin/install.php HTTP/1.1" 200 1809 "-" "curl/8.5.0"
$ docker compose exec -T db mysql -uroot -prootpw -e "SHOW DATABASES"
Database
information_schema
mysql
performance_schema
sys
wordpress
mysql: [Warning] Using a password on the command line interface can be insecure.
$ docker compose down
[+] Running 3/3
 ✔ Container blog-wordpress-1  Removed                                     0.2s 
 ✔ Container blog-db-1         Removed                                     0.2s 
 ✔ Network blog_default        Removed                                     0.1s 
$ docker volume ls
DRIVER    VOLUME NAME
local     blog_db_data
local     blog_wp_data
`);
  });
});
