// The php images end to end, as a learner types them: scripts from a bind mount and a build, php -r with php-cli's
// error texts, `php -S` and php:8.4-apache reached with curl through -p, and the Docker Hub README's Dockerfiles.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

/** Run each line and return `$ line`, its stdout and its stderr, as a terminal shows them (`quiet` first lines unshown). */
async function session(lines: string[], quiet = 0): Promise<string> {
  const s = createSession({ headless: true });
  let out = '';
  for (const [i, line] of lines.entries()) {
    const r = await s.run(line);
    if (i >= quiet) out += `$ ${line}\n${r.stdout}${r.stderr}${r.exitCode ? `[exit ${r.exitCode}]\n` : ''}`;
  }
  return out.replace(/\r\n/g, '\n'); // (curl -i's header lines and a terminal's lines end in CR LF)
}

describe('php images', () => {
  it('php -r and a script from a bind mount; warnings on stdout, a fatal error exits 255', async () => {
    const out = await session([
      'docker pull -q php', 'mkdir app', `printf '<?php\\n$name = $argv[1] ?? "world";\\necho "Hello, $name from PHP " . PHP_VERSION . "\\\\n";\\necho $count + 1, PHP_EOL;\\n' > app/hello.php`,
      `docker run --rm php php -r 'echo json_encode(["sum" => array_sum([1, 2, 3]), "upper" => strtoupper("php")]), PHP_EOL;'`,
      'docker run --rm -v "$PWD/app":/usr/src/app -w /usr/src/app php php hello.php Ada',
      `docker run --rm php php -r 'function greet($n) { return undefined_fn($n); } echo greet("x");'`,
      'docker run --rm php php missing.php',
      `docker run --rm -v "$PWD/app":/app -w /app php sh -c 'php -l hello.php; echo "<?php echo 1" > bad.php; php -l bad.php'`,
    ], 3);
    expect(out).toBe(`$ docker run --rm php php -r 'echo json_encode(["sum" => array_sum([1, 2, 3]), "upper" => strtoupper("php")]), PHP_EOL;'
{"sum":6,"upper":"PHP"}
$ docker run --rm -v "$PWD/app":/usr/src/app -w /usr/src/app php php hello.php Ada
Hello, Ada from PHP 8.4.1

Warning: Undefined variable $count in /usr/src/app/hello.php on line 4
1
$ docker run --rm php php -r 'function greet($n) { return undefined_fn($n); } echo greet("x");'

Fatal error: Uncaught Error: Call to undefined function undefined_fn() in Command line code:1
Stack trace:
#0 Command line code(1): greet('x')
#1 {main}
  thrown in Command line code on line 1
[exit 255]
$ docker run --rm php php missing.php
Could not open input file: missing.php
[exit 1]
$ docker run --rm -v "$PWD/app":/app -w /app php sh -c 'php -l hello.php; echo "<?php echo 1" > bad.php; php -l bad.php'
No syntax errors detected in hello.php

Parse error: syntax error, unexpected end of file, expecting "," or ";" in bad.php on line 2
Errors parsing bad.php
[exit 255]
`);
  });
});

describe('php processes', () => {
  it('a loop runs until stopped with its output in the log; STDERR and exit(n); code on stdin', async () => {
    const out = await session([
      'docker pull -q php:8.4-cli',
      `docker run -d --name clock php:8.4-cli php -r 'while (true) { echo date("H:i:s"), "\\n"; sleep(1); }'`,
      'docker ps --format "{{.Names}} {{.Status}}"', 'docker logs clock | head -2',
      `docker run --rm php:8.4-cli php -r 'fwrite(STDERR, "to stderr\\n"); echo "out\\n"; exit(2);'`,
      `echo '<?php echo strtoupper("piped"), PHP_EOL;' | docker run --rm -i php:8.4-cli php`,
    ], 1);
    expect(out).toBe(`$ docker run -d --name clock php:8.4-cli php -r 'while (true) { echo date("H:i:s"), "\\n"; sleep(1); }'
65f92a61f5d01cdc666bc8569315d96d89898c36db62263cee980f8d2031864e
$ docker ps --format "{{.Names}} {{.Status}}"
clock Up 1 second
$ docker logs clock | head -2
09:00:02
09:00:03
$ docker run --rm php:8.4-cli php -r 'fwrite(STDERR, "to stderr\\n"); echo "out\\n"; exit(2);'
out
to stderr
[exit 2]
$ echo '<?php echo strtoupper("piped"), PHP_EOL;' | docker run --rm -i php:8.4-cli php
PIPED
`);
  });
});

describe('php web servers', () => {
  it('php -S serves index.php and static files through -p, with its log lines', async () => {
    const out = await session([
      'docker pull -q php:8.4-cli', 'mkdir -p site/css',
      `printf '<?php\\nheader("Content-Type: application/json");\\n$n = (int)($_GET["n"] ?? 1);\\necho json_encode(["method" => $_SERVER["REQUEST_METHOD"], "squares" => array_map(fn($i) => $i * $i, range(1, $n))]), "\\\\n";\\n' > site/index.php`,
      `echo 'body { color: teal; }' > site/css/app.css; printf '<?php\\nrender();\\n' > site/broken.php`,
      'docker run -d --name dev -p 8000:8000 -v "$PWD/site":/var/www -w /var/www php:8.4-cli php -S 0.0.0.0:8000',
      'curl -s "localhost:8000/?n=3"', 'curl -si localhost:8000/css/app.css', 'curl -s -o /dev/null -w "%{http_code}\\n" localhost:8000/nope.png', 'curl -s localhost:8000/broken.php', 'docker logs dev',
    ], 4);
    expect(out).toBe(`$ docker run -d --name dev -p 8000:8000 -v "$PWD/site":/var/www -w /var/www php:8.4-cli php -S 0.0.0.0:8000
65f92a61f5d01cdc666bc8569315d96d89898c36db62263cee980f8d2031864e
$ curl -s "localhost:8000/?n=3"
{"method":"GET","squares":[1,4,9]}
$ curl -si localhost:8000/css/app.css
HTTP/1.1 200 OK
Host: localhost:8000
Date: Mon, 23 Nov 2026 09:00:07 GMT
Connection: close
Content-Type: text/css; charset=UTF-8
Content-Length: 22

body { color: teal; }
$ curl -s -o /dev/null -w "%{http_code}\\n" localhost:8000/nope.png
404
$ curl -s localhost:8000/broken.php
<br />
<b>Fatal error</b>:  Uncaught Error: Call to undefined function render() in /var/www/broken.php:2
Stack trace:
#0 {main}
  thrown in <b>/var/www/broken.php</b> on line <b>2</b><br />
$ docker logs dev
[Mon Nov 23 09:00:05 2026] PHP 8.4.1 Development Server (http://0.0.0.0:8000) started
[Mon Nov 23 09:00:06 2026] 172.17.0.1:41234 Accepted
[Mon Nov 23 09:00:06 2026] 172.17.0.1:41234 [200]: GET /?n=3
[Mon Nov 23 09:00:06 2026] 172.17.0.1:41234 Closing
[Mon Nov 23 09:00:07 2026] 172.17.0.1:41235 Accepted
[Mon Nov 23 09:00:07 2026] 172.17.0.1:41235 [200]: GET /css/app.css
[Mon Nov 23 09:00:07 2026] 172.17.0.1:41235 Closing
[Mon Nov 23 09:00:08 2026] 172.17.0.1:41236 Accepted
[Mon Nov 23 09:00:08 2026] 172.17.0.1:41236 [404]: GET /nope.png - No such file or directory
[Mon Nov 23 09:00:08 2026] 172.17.0.1:41236 Closing
[Mon Nov 23 09:00:09 2026] 172.17.0.1:41237 Accepted
[Mon Nov 23 09:00:09 2026] 172.17.0.1:41237 [200]: GET /broken.php - Uncaught Error: Call to undefined function render() in /var/www/broken.php:2
Stack trace:
#0 {main}
  thrown in /var/www/broken.php on line 2
[Mon Nov 23 09:00:09 2026] 172.17.0.1:41237 Closing
`);
  });

  it('php -S with a router script: every request goes to it; `return false` serves the file itself', async () => {
    const out = await session([
      'docker pull -q php:8.4-cli', 'mkdir api',
      `printf '<?php\\n$path = parse_url($_SERVER["REQUEST_URI"], PHP_URL_PATH);\\nif ($path === "/robots.txt") return false;\\necho "route: $path\\\\n";\\n' > api/router.php; echo 'User-agent: *' > api/robots.txt`,
      'docker run -d -p 9000:80 -v "$PWD/api":/app -w /app php:8.4-cli php -S 0.0.0.0:80 router.php >/dev/null',
      'curl -s localhost:9000/users/7', 'curl -s localhost:9000/robots.txt',
    ], 4);
    expect(out).toBe('$ curl -s localhost:9000/users/7\nroute: /users/7\n$ curl -s localhost:9000/robots.txt\nUser-agent: *\n');
  });

  it('php:8.4-apache serves /var/www/html on port 80 with its access log; docker stop sends SIGWINCH', async () => {
    const out = await session([
      'docker pull -q php:8.4-apache', 'mkdir html', `printf '<h1><?= "Hello from " . $_SERVER["SERVER_SOFTWARE"] ?></h1>\\n' > html/index.php`,
      'docker run -d --name web -p 8080:80 -v "$PWD/html":/var/www/html php:8.4-apache',
      'curl -si localhost:8080/', 'curl -s localhost:8080/missing.php | head -3', 'docker logs web', 'docker stop web', 'docker ps -a --format "{{.Names}}: {{.Status}}"',
      'docker run -d --name empty -p 8081:80 php:8.4-apache >/dev/null; curl -s localhost:8081/ | sed -n 3,6p',
    ], 3);
    const fqdn = "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n";
    expect(out).toBe(`$ docker run -d --name web -p 8080:80 -v "$PWD/html":/var/www/html php:8.4-apache
65f92a61f5d01cdc666bc8569315d96d89898c36db62263cee980f8d2031864e
$ curl -si localhost:8080/
HTTP/1.1 200 OK
Date: Mon, 23 Nov 2026 09:00:05 GMT
Server: Apache/2.4.62 (Debian)
X-Powered-By: PHP/8.4.1
Vary: Accept-Encoding
Content-Length: 43
Content-Type: text/html; charset=UTF-8
Keep-Alive: timeout=5, max=100
Connection: Keep-Alive

<h1>Hello from Apache/2.4.62 (Debian)</h1>
$ curl -s localhost:8080/missing.php | head -3
<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
$ docker logs web
172.17.0.1 - - [23/Nov/2026:09:00:05 +0000] "GET / HTTP/1.1" 200 295 "-" "curl/8.5.0"
172.17.0.1 - - [23/Nov/2026:09:00:06 +0000] "GET /missing.php HTTP/1.1" 404 490 "-" "curl/8.5.0"
${fqdn}${fqdn}[Mon Nov 23 09:00:04.000000 2026] [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.62 (Debian) PHP/8.4.1 configured -- resuming normal operations
[Mon Nov 23 09:00:04.000000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'
$ docker stop web
web
$ docker ps -a --format "{{.Names}}: {{.Status}}"
web: Exited (0) 1 second ago
$ docker run -d --name empty -p 8081:80 php:8.4-apache >/dev/null; curl -s localhost:8081/ | sed -n 3,6p
<title>403 Forbidden</title>
</head><body>
<h1>Forbidden</h1>
<p>You don't have permission to access this resource.</p>
`);
  });
});

describe('the Docker Hub README, as a lesson', () => {
  it('a CLI script built into an image, and an Apache site with an extension installed in the build', async () => {
    const out = await session([
      'mkdir myapp', 'cd myapp', `printf '<?php\\necho "Hello from a PHP " . PHP_MAJOR_VERSION . " container\\\\n";\\n' > your-script.php`,
      `printf 'FROM php:8.4-cli\\nCOPY . /usr/src/myapp\\nWORKDIR /usr/src/myapp\\nCMD [ "php", "./your-script.php" ]\\n' > Dockerfile`,
      'docker build -q -t my-php-app . >/dev/null', 'docker run -it --rm --name my-running-app my-php-app',
      'cd ..', 'mkdir -p site/src', 'cd site',
      `printf '<?php\\n$ext = extension_loaded("pdo_mysql") ? "yes" : "no";\\necho "pdo_mysql: $ext\\\\n";\\n' > src/index.php`,
      `printf 'FROM php:8.4-apache\\nRUN docker-php-ext-install pdo_mysql\\nCOPY src/ /var/www/html/\\n' > Dockerfile`,
      'docker build -q -t my-site . >/dev/null', 'docker run -d --name my-running-site -p 8080:80 my-site >/dev/null', 'curl -s localhost:8080', 'docker exec my-running-site php -m | grep -i pdo',
    ], 5);
    expect(out).toBe(`$ docker run -it --rm --name my-running-app my-php-app
Hello from a PHP 8 container
$ cd ..
$ mkdir -p site/src
$ cd site
$ printf '<?php\\n$ext = extension_loaded("pdo_mysql") ? "yes" : "no";\\necho "pdo_mysql: $ext\\\\n";\\n' > src/index.php
$ printf 'FROM php:8.4-apache\\nRUN docker-php-ext-install pdo_mysql\\nCOPY src/ /var/www/html/\\n' > Dockerfile
$ docker build -q -t my-site . >/dev/null
$ docker run -d --name my-running-site -p 8080:80 my-site >/dev/null
$ curl -s localhost:8080
pdo_mysql: yes
$ docker exec my-running-site php -m | grep -i pdo
PDO
pdo_mysql
pdo_sqlite
`);
  });
});
