// python3 -m http.server reached through -p: Lib/http/server.py's listing, files, 404 page and its stderr log lines.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('python3 -m http.server', () => {
  it('lists a bind-mounted directory, serves its files, answers 404 and logs each request on stderr', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run(`mkdir -p site/img && echo '<h1>hi</h1>' > site/page.html && echo x > site/notes.txt`);
    expect((await s.run('docker run -d --name web -p 8000:8000 -v $PWD/site:/srv -w /srv python python3 -m http.server')).exitCode).toBe(0);
    expect((await s.run('curl -s localhost:8000/')).stdout).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<style type="text/css">\n:root {\ncolor-scheme: light dark;\n}\n</style>\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href="img/">img/</a></li>\n<li><a href="notes.txt">notes.txt</a></li>\n<li><a href="page.html">page.html</a></li>\n</ul>\n<hr>\n</body>\n</html>\n');
    const page = await s.run('curl -si localhost:8000/page.html');
    expect(page.stdout).toBe('HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.13.1\r\nDate: Mon, 23 Nov 2026 09:00:05 GMT\r\nContent-type: text/html\r\nContent-Length: 12\r\nLast-Modified: Mon, 23 Nov 2026 09:00:02 GMT\r\n\r\n<h1>hi</h1>\n');
    const missing = await s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8000/nope');
    expect(missing.stdout).toBe('404');
    // the "Serving HTTP on …" banner is still in python's stdout buffer (no -t, no PYTHONUNBUFFERED): only stderr shows
    expect((await s.run('docker logs web')).stderr).toBe(
      '172.17.0.1 - - [23/Nov/2026 09:00:04] "GET / HTTP/1.1" 200 -\n172.17.0.1 - - [23/Nov/2026 09:00:05] "GET /page.html HTTP/1.1" 200 -\n' +
        '172.17.0.1 - - [23/Nov/2026 09:00:06] code 404, message File not found\n172.17.0.1 - - [23/Nov/2026 09:00:06] "GET /nope HTTP/1.1" 404 -\n');
    expect((await s.run('docker logs web')).stdout).toBe('');
  });

  it('with PYTHONUNBUFFERED the banner is logged; as PID 1 it ignores SIGTERM, so docker stop ends it with SIGKILL', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run('docker run -d --name web -e PYTHONUNBUFFERED=1 -p 8080:9000 python python3 -m http.server 9000');
    expect((await s.run('docker logs web')).stdout).toBe('Serving HTTP on 0.0.0.0 port 9000 (http://0.0.0.0:9000/) ...\n');
    expect((await s.run('curl -s localhost:8080/usr/local/lib/python3.13/os.py')).stdout).toBe('# os.py (stand-in: the standard library is not simulated)\n');
    await s.run('docker stop -t 1 web');
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(137\)/);
  });
});
