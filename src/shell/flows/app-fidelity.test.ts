// What the web frameworks answer beyond the happy path: flask's JSON refusals, express.static's ETags and 304s, and files
// a request handler writes landing in the container.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { rebuild } from '../rebuild';
import { eventsUntil, record, timelineOf } from '../timeline';

async function flaskApp(app: string) {
  const s = createSession({ headless: true });
  await s.run('docker pull -q python');
  await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${app}EOF`);
  await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCOPY app.py .\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
  expect((await s.run('docker build -q -t app fl')).exitCode).toBe(0);
  await s.run('docker run -d --name app -p 5000:5000 app');
  return s;
}

// Werkzeug 3 (sansio/request.py on_json_loading_failed: UnsupportedMediaType, "Did not attempt to load JSON data because the
// request Content-Type was not 'application/json'."; BadRequest "Failed to decode JSON object: …"), Flask 3 (wrappers.py:
// outside debug mode a decode failure becomes a plain BadRequest()), the page from HTTPException.get_body with markupsafe's escaping.
describe('flask: request.get_json() and request.json on a request that is not JSON', () => {
  const app = "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.post('/echo')\ndef echo():\n    return jsonify(request.get_json())\n\n@app.post('/json')\ndef prop():\n    return jsonify(request.json)\n\n@app.post('/quiet')\ndef quiet():\n    return repr(request.get_json(silent=True)) + '\\n'\n\n@app.post('/force')\ndef force():\n    return jsonify(request.get_json(force=True))\n\n@app.post('/caught')\ndef caught():\n    try:\n        request.get_json()\n    except Exception:\n        return 'not json\\n', 400\n\napp.run(host='0.0.0.0')\n";

  it('415 Unsupported Media Type with Werkzeug\'s page; 400 for a JSON body that does not parse; silent and force', async () => {
    const s = await flaskApp(app);
    const r = await s.run(`curl -si -d 'title=x' localhost:5000/echo`);
    const page415 = "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>\n";
    expect(r.stdout).toBe(`HTTP/1.1 415 UNSUPPORTED MEDIA TYPE\r\nServer: Werkzeug/3.1.3 Python/3.13.1\r\nDate: Mon, 23 Nov 2026 09:00:07 GMT\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${page415.length}\r\nConnection: close\r\n\r\n${page415}`);
    expect((await s.run(`curl -s -d '{"a": 1}' localhost:5000/json`)).stdout).toBe(page415); // curl -d sends application/x-www-form-urlencoded
    expect((await s.run(`curl -s -H 'Content-Type: application/json' -d '{"a": 1}' localhost:5000/json`)).stdout).toBe('{"a":1}\n');
    expect((await s.run(`curl -s -H 'Content-Type: application/json' -d '{oops' localhost:5000/echo`)).stdout).toBe(
      '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n',
    );
    expect((await s.run(`curl -s -d 'x' localhost:5000/quiet`)).stdout).toBe('None\n');
    expect((await s.run(`curl -s -d '{"b": [1]}' localhost:5000/force`)).stdout).toBe('{"b":[1]}\n');
    expect((await s.run(`curl -s -d 'x' localhost:5000/caught`)).stdout).toBe('not json\n');
    // the log has each status and no traceback: Werkzeug's HTTP errors are answers, not failures
    const log = (await s.run('docker logs app')).stderr.split('\n').filter((l) => l.includes('HTTP/1.1'));
    expect(log.map((l) => l.replace(/^.*\] /, ''))).toEqual(['"POST /echo HTTP/1.1" 415 -', '"POST /json HTTP/1.1" 415 -', '"POST /json HTTP/1.1" 200 -', '"POST /echo HTTP/1.1" 400 -', '"POST /quiet HTTP/1.1" 200 -', '"POST /force HTTP/1.1" 200 -', '"POST /caught HTTP/1.1" 400 -']);
  });

  it('in debug mode the 400 page says why the JSON did not decode, in json.loads words', async () => {
    const s = await flaskApp(app.replace("app.run(host='0.0.0.0')", "app.run(host='0.0.0.0', debug=True)"));
    const bad = (body: string) => s.run(`curl -s -H 'Content-Type: application/json' -d '${body}' localhost:5000/echo`);
    const p400 = (why: string) => `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Failed to decode JSON object: ${why}</p>\n`;
    expect((await bad('{oops')).stdout).toBe(p400('Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'));
    expect((await bad('oops')).stdout).toBe(p400('Expecting value: line 1 column 1 (char 0)'));
    expect((await s.run(`curl -s -X POST -H 'Content-Type: application/json' localhost:5000/echo`)).stdout).toBe(p400('Expecting value: line 1 column 1 (char 0)'));
  });
});

// serve-static 1.16.2 / send 0.19.0 (SendStream.prototype.setHeader: Accept-Ranges, Cache-Control "public, max-age=0",
// Last-Modified, ETag; notModified() drops the Content-* headers; the folder redirect's page and headers), etag 1.8.1 (stattag:
// W/"<size hex>-<mtime ms hex>"), fresh 0.5.2
describe('express.static', () => {
  async function staticSite() {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const app = ["const express = require('express');", 'const app = express();', "app.use(express.static('public'));", "app.use('/assets', express.static('public'));", 'app.listen(3000);'].join('\n');
    await s.run(`mkdir -p web/public/docs && cat > web/server.js <<'EOF'\n${app}\nEOF`);
    await s.run(`printf '<h1>Hi</h1>\\n' > web/public/index.html && printf 'body{}\\n' > web/public/site.css && printf 'é\\n' > web/public/docs/index.html && printf 'S=1\\n' > web/public/.env`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /usr/src/app\\nRUN npm init -y\\nRUN npm install express\\nCOPY . .\\nCMD ["node", "server.js"]\\n' > web/Dockerfile`);
    expect((await s.run('docker build -q -t st web')).exitCode).toBe(0);
    await s.run('docker run -d --name st -p 8080:3000 st');
    return s;
  }
  // GNU stat's Modify line (2026-11-23 09:00:03.000000000 +0000) to milliseconds
  const mtime = async (s: Awaited<ReturnType<typeof staticSite>>, f: string) => {
    const [, day, time, ms] = /Modify: (\S+) (\d\d:\d\d:\d\d)\.(\d{3})/.exec((await s.run(`docker exec st stat ${f}`)).stdout)!;
    return Date.parse(`${day}T${time}.${ms}Z`);
  };
  const undated = (t: string) => t.replace(/\r\nDate: [^\r]+/, '\r\nDate: D');

  it('a weak ETag of size and mtime, Last-Modified, the cache headers; 304 for If-None-Match or If-Modified-Since', async () => {
    const s = await staticSite();
    const t = await mtime(s, 'public/index.html');
    const etag = `W/"c-${t.toString(16)}"`;
    const last = new Date(t).toUTCString();
    const r = await s.run('curl -si localhost:8080/');
    expect(undated(r.stdout)).toBe(`HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nAccept-Ranges: bytes\r\nCache-Control: public, max-age=0\r\nLast-Modified: ${last}\r\nETag: ${etag}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 12\r\nDate: D\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n<h1>Hi</h1>\n`);
    const cached = await s.run(`curl -si -H 'If-None-Match: ${etag}' localhost:8080/index.html`);
    expect(undated(cached.stdout)).toBe(`HTTP/1.1 304 Not Modified\r\nX-Powered-By: Express\r\nAccept-Ranges: bytes\r\nCache-Control: public, max-age=0\r\nLast-Modified: ${last}\r\nETag: ${etag}\r\nDate: D\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`);
    expect((await s.run(`curl -s -o /dev/null -w '%{http_code}' -H 'If-Modified-Since: ${last}' localhost:8080/`)).stdout).toBe('304');
    // the size counts bytes: é is two
    const t2 = await mtime(s, 'public/docs/index.html');
    expect((await s.run('curl -sI localhost:8080/assets/docs/')).stdout).toContain(`\r\nETag: W/"3-${t2.toString(16)}"\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 3\r\n`);
    // a changed file has a new tag, so the old one gets the whole file again
    await s.run("docker exec st sh -c 'echo more >> public/index.html'");
    expect((await s.run(`curl -s -H 'If-None-Match: ${etag}' localhost:8080/`)).stdout).toBe('<h1>Hi</h1>\nmore\n');
  });

  it('a folder without its slash is redirected; dotfiles and missing files fall through to the 404', async () => {
    const s = await staticSite();
    expect((await s.run('curl -si localhost:8080/assets/docs')).stdout).toBe(
      "HTTP/1.1 301 Moved Permanently\r\nX-Powered-By: Express\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 161\r\nContent-Security-Policy: default-src 'none'\r\nX-Content-Type-Options: nosniff\r\nLocation: /assets/docs/\r\nDate: Mon, 23 Nov 2026 09:00:08 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n" +
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to /assets/docs/</pre>\n</body>\n</html>\n',
    );
    expect((await s.run(`curl -s -o /dev/null -w '%{http_code}' localhost:8080/.env`)).stdout).toBe('404');
    expect((await s.run(`curl -s localhost:8080/nope.css`)).stdout).toBe('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope.css</pre>\n</body>\n</html>\n');
  });
});

describe('files a request handler writes land in the container', () => {
  it('node: appendFileSync and writeFileSync in a handler reach the writable layer (docker diff, exec cat), once per request', async () => {
    const s = createSession({ seed: 4 });
    await s.run('docker pull -q node');
    let t = timelineOf(s);
    const app = [
      "const http = require('http');",
      "const fs = require('fs');",
      "fs.appendFileSync('/tmp/boot.log', 'started\\n');",
      'let hits = 0;',
      'http.createServer((req, res) => {',
      '  hits++;',
      "  fs.appendFileSync('/var/log/hits.log', req.url + '\\n');",
      "  fs.mkdirSync('/data/out', { recursive: true });",
      "  fs.writeFileSync('/data/out/last.json', JSON.stringify({ url: req.url, hits }));",
      "  res.end('ok ' + hits + '\\n');",
      '}).listen(3000);',
    ].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${app}\nEOF`);
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    const answers = [];
    for (const p of ['/a', '/b', '/c']) answers.push((await s.run(`curl -s localhost:3000${p}`)).stdout);
    expect(answers).toEqual(['ok 1\n', 'ok 2\n', 'ok 3\n']);
    expect((await s.run('docker exec api cat /var/log/hits.log')).stdout).toBe('/a\n/b\n/c\n');
    expect((await s.run('docker exec api cat /data/out/last.json')).stdout).toBe('{"url":"/c","hits":3}');
    expect((await s.run('docker exec api cat /tmp/boot.log')).stdout).toBe('started\n'); // the start-up is replayed, not run again
    expect((await s.run('docker diff api')).stdout).toBe('A /app\nA /data\nA /data/out\nA /data/out/last.json\nC /tmp\nA /tmp/boot.log\nC /var\nC /var/log\nA /var/log/hits.log\n');
    // a rebuilt session (the lab's reload) has the same files
    t = record(s, t);
    const again = await rebuild(eventsUntil(s, t, 100), t.base, { seed: 4 });
    expect((await again.session.run('docker exec api cat /var/log/hits.log')).stdout).toBe('/a\n/b\n/c\n');
  });

  it('python: a flask view that appends to a file in a bind mount writes it on the host', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    const app = "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/note/<text>')\ndef note(text):\n    with open('/app/notes.txt', 'a') as f:\n        f.write(text + '\\n')\n    with open('/app/notes.txt') as f:\n        return f'{len(f.readlines())} notes\\n'\n\napp.run(host='0.0.0.0')\n";
    await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${app}EOF`);
    await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
    expect((await s.run('docker build -q -t notes fl')).exitCode).toBe(0);
    await s.run('docker run -d --name notes -p 5000:5000 -v $PWD/fl:/app notes');
    expect((await s.run('curl -s localhost:5000/note/one')).stdout).toBe('1 notes\n');
    expect((await s.run('curl -s localhost:5000/note/two')).stdout).toBe('2 notes\n');
    expect((await s.run('cat fl/notes.txt')).stdout).toBe('one\ntwo\n');
  });
});
