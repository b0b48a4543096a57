// A server script keeps its memory while its process runs: counters in node's http, express and flask count on across
// requests, start again from zero after docker restart, and a session replays them byte for byte.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { CHECKPOINT_EVERY } from '../checkpoint';
import { rebuild } from '../rebuild';
import { eventsUntil, record, timelineOf } from '../timeline';

/** An engine state as text, Maps (the container table) included. */
const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

const NODE_COUNTER = [
  "const http = require('http');",
  'let count = 0;',
  'const seen = [];',
  'http.createServer((req, res) => {',
  '  count++;',
  '  seen.push(req.url);',
  '  console.log(`request ${count} ${req.url}`);',
  "  res.end(`count=${count} seen=${seen.join(',')}\\n`);",
  "}).listen(3000, () => console.log('listening on 3000'));",
].join('\n');

const EXPRESS_APP = [
  "const express = require('express');",
  'const app = express();',
  'app.use(express.json());',
  'const todos = [];',
  "app.get('/todos', (req, res) => res.json(todos));",
  "app.post('/todos', (req, res) => { todos.push({ id: todos.length + 1, title: req.body.title }); res.status(201).json(todos[todos.length - 1]); });",
  "app.get('/uptime', (req, res) => res.send(`up ${Math.round(process.uptime())}s ticks ${ticks}`));",
  'let ticks = 0;',
  'setInterval(() => ticks++, 1000);',
  "app.listen(3000, () => console.log('todo api on 3000'));",
].join('\n');

const FLASK_APP = `from flask import Flask, jsonify

app = Flask(__name__)
visits = []
count = 0

@app.route('/')
def index():
    global count
    count += 1
    return f'Hello! You are visitor number {count}.\\n'

@app.route('/visit/<name>')
def visit(name):
    visits.append(name)
    return jsonify(visits)

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
`;

describe('a server script keeps its memory between requests', () => {
  it('node http: a module-level counter counts on; its log has each request once; docker restart starts again', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node && docker pull -q busybox');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${NODE_COUNTER}\nEOF`);
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    expect((await s.run('curl -s localhost:3000/a')).stdout).toBe('count=1 seen=/a\n');
    expect((await s.run('curl -s localhost:3000/b')).stdout).toBe('count=2 seen=/a,/b\n');
    expect((await s.run('curl -s localhost:3000/c')).stdout).toBe('count=3 seen=/a,/b,/c\n');
    expect((await s.run('docker logs api')).stdout).toBe('listening on 3000\nrequest 1 /a\nrequest 2 /b\nrequest 3 /c\n');
    // another container running the same server has its own memory; only the server a request reaches counts it
    await s.run('docker network create lab && docker network connect lab api');
    await s.run('docker run -d --name api2 --network lab -p 3001:3000 -v $PWD/srv:/app -w /app node server.js');
    expect((await s.run('curl -s localhost:3001/x')).stdout).toBe('count=1 seen=/x\n');
    expect((await s.run('docker run --rm --network lab busybox wget -qO- api:3000/from-busybox')).stdout).toBe('count=4 seen=/a,/b,/c,/from-busybox\n');
    expect((await s.run('docker run --rm --network lab busybox wget -qO- api2:3000/y')).stdout).toBe('count=2 seen=/x,/y\n');
    await s.run('docker restart api');
    expect((await s.run('curl -s localhost:3000/d')).stdout).toBe('count=1 seen=/d\n');
    expect((await s.run('docker logs api')).stdout).toBe('listening on 3000\nrequest 1 /a\nrequest 2 /b\nrequest 3 /c\nrequest 4 /from-busybox\nlistening on 3000\nrequest 1 /d\n');
  });

  it('node http: a handler that throws ends the process as node does: no answer, the error in the log, the container exits 1', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const server = ["const http = require('http');", 'let n = 0;', 'http.createServer((req, res) => {', "  if (req.url === '/boom') throw new Error('boom after ' + n);", '  res.end(`ok ${++n}\\n`);', '}).listen(3000);'].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${server}\nEOF`);
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('ok 1\n');
    const boom = await s.run('curl -sS localhost:3000/boom');
    expect([boom.stdout, boom.stderr, boom.exitCode]).toEqual(['', 'curl: (52) Empty reply from server\n', 52]);
    expect((await s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe('api Exited (1) 1 second ago\n');
    // (node's own frames, Server.emit and the HTTP parser, are not shown; the caret is where QuickJS places it)
    expect((await s.run('docker logs api')).stderr).toBe("/app/server.js:4\n  if (req.url === '/boom') throw new Error('boom after ' + n);\n                                          ^\n\nError: boom after 1\n    at Object.<anonymous> (/app/server.js:4:43)\n\nNode.js v22.12.0\n");
    expect((await s.run('curl -sS localhost:3000/')).stderr).toBe('curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn\'t connect to server\n');
  });

  it('a server restarted by its restart policy listens again, with a fresh memory', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const server = ["const http = require('http');", 'let n = 0;', 'http.createServer((req, res) => {', "  if (req.url === '/boom') throw new Error('boom');", '  res.end(`ok ${++n}\\n`);', '}).listen(3000);'].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${server}\nEOF`);
    await s.run('docker run -d --name api --restart on-failure -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('ok 1\n');
    expect((await s.run('curl -sS localhost:3000/boom')).exitCode).toBe(52);
    await s.run('sleep 2'); // the restart policy's first delay is 100 ms
    expect((await s.run('docker inspect -f "{{.RestartCount}} {{.State.Status}}" api')).stdout).toBe('1 running\n');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('ok 1\n');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('ok 2\n');
  });

  it('express: a list filled by POST requests with JSON bodies is there for the next GET; timers run between requests', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    await s.run(`mkdir web && cat > web/server.js <<'EOF'\n${EXPRESS_APP}\nEOF`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /usr/src/app\\nRUN npm init -y\\nRUN npm install express\\nCOPY server.js .\\nCMD ["node", "server.js"]\\n' > web/Dockerfile`);
    expect((await s.run('docker build -q -t todo web')).exitCode).toBe(0);
    await s.run('docker run -d --name todo -p 3000:3000 todo');
    expect((await s.run('curl -s localhost:3000/todos')).stdout).toBe('[]');
    const post = await s.run(`curl -si -X POST -H 'Content-Type: application/json' -d '{"title":"learn docker"}' localhost:3000/todos`);
    expect(post.stdout).toBe('HTTP/1.1 201 Created\r\nX-Powered-By: Express\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 31\r\nETag: W/"1f-5mDJvRCuV/snkurg+rs4oL51RAs"\r\nDate: Mon, 23 Nov 2026 09:00:08 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n{"id":1,"title":"learn docker"}');
    const verbose = await s.run(`curl -sv -H 'Content-Type: application/json' -d '{"title":"write a Dockerfile"}' localhost:3000/todos`);
    expect(verbose.stderr).toBe('*   Trying 127.0.0.1:3000...\n* Connected to localhost (127.0.0.1) port 3000\n> POST /todos HTTP/1.1\n> Host: localhost:3000\n> User-Agent: curl/8.5.0\n> Accept: */*\n> Content-Type: application/json\n> Content-Length: 30\n> \n' +
      '< HTTP/1.1 201 Created\n< X-Powered-By: Express\n< Content-Type: application/json; charset=utf-8\n< Content-Length: 37\n< ETag: W/"25-3fOGroag0DQ7cMFlpQefcuPS2jg"\n< Date: Mon, 23 Nov 2026 09:00:09 GMT\n< Connection: keep-alive\n< Keep-Alive: timeout=5\n< \n* Connection #0 to host localhost left intact\n');
    expect((await s.run('curl -s localhost:3000/todos')).stdout).toBe('[{"id":1,"title":"learn docker"},{"id":2,"title":"write a Dockerfile"}]');
    expect((await s.run('sleep 10; curl -s localhost:3000/uptime')).stdout).toBe('up 15s ticks 15');
    await s.run('docker restart todo');
    expect((await s.run('curl -s localhost:3000/todos')).stdout).toBe('[]');
    expect((await s.run('docker logs todo')).stdout).toBe('todo api on 3000\ntodo api on 3000\n');
  });

  it('flask: a module-level counter and list count on across requests, and start empty after docker restart', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${FLASK_APP}EOF`);
    await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCOPY app.py .\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
    expect((await s.run('docker build -q -t visits fl')).exitCode).toBe(0);
    await s.run('docker run -d --name visits -p 5000:5000 visits');
    expect((await s.run('curl -s localhost:5000/')).stdout).toBe('Hello! You are visitor number 1.\n');
    expect((await s.run('curl -s localhost:5000/')).stdout).toBe('Hello! You are visitor number 2.\n');
    expect((await s.run('curl -s localhost:5000/visit/ada')).stdout).toBe('["ada"]\n');
    expect((await s.run('curl -s localhost:5000/visit/bob')).stdout).toBe('["ada","bob"]\n');
    expect((await s.run('curl -s localhost:5000/')).stdout).toBe('Hello! You are visitor number 3.\n');
    await s.run('docker restart visits');
    expect((await s.run('curl -s localhost:5000/')).stdout).toBe('Hello! You are visitor number 1.\n');
    expect((await s.run('curl -s localhost:5000/visit/eve')).stdout).toBe('["eve"]\n');
    const banner = " * Serving Flask app 'app'\n * Debug mode: off\nWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\nPress CTRL+C to quit\n";
    const get = (t: string, path: string) => `172.17.0.1 - - [23/Nov/2026 09:00:${t}] "GET ${path} HTTP/1.1" 200 -\n`;
    // each request is logged once, when it came (the replays before a new one are silent)
    expect((await s.run('docker logs visits')).stderr).toBe(banner + get('07', '/') + get('08', '/') + get('09', '/visit/ada') + get('10', '/visit/bob') + get('11', '/') + banner + get('23', '/') + get('24', '/visit/eve'));
  });

  it('flask: request.get_json(), request.args and request.form fill a module-level list that the next requests see', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    const app = "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\ntodos = []\n\n@app.route('/todos', methods=['GET', 'POST'])\ndef todo_list():\n    if request.method == 'POST':\n        data = request.get_json()\n        todos.append({'id': len(todos) + 1, 'title': data['title']})\n        return jsonify(todos[-1]), 201\n    done = request.args.get('limit')\n    return jsonify(todos[:int(done)] if done else todos)\n\n@app.post('/form')\ndef form():\n    todos.append({'id': len(todos) + 1, 'title': request.form['title']})\n    return f\"added {request.form['title']} from {request.remote_addr} with {request.headers.get('User-Agent')}\\n\"\n\napp.run(host='0.0.0.0')\n";
    await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${app}EOF`);
    await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCOPY app.py .\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
    expect((await s.run('docker build -q -t todos fl')).exitCode).toBe(0);
    await s.run('docker run -d --name todos -p 5000:5000 todos');
    const post = await s.run(`curl -si -H 'Content-Type: application/json' -d '{"title": "learn docker"}' localhost:5000/todos`);
    expect(post.stdout).toBe('HTTP/1.1 201 CREATED\r\nServer: Werkzeug/3.1.3 Python/3.13.1\r\nDate: Mon, 23 Nov 2026 09:00:07 GMT\r\nContent-Type: application/json\r\nContent-Length: 32\r\nConnection: close\r\n\r\n{"id":1,"title":"learn docker"}\n');
    expect((await s.run(`curl -s -d 'title=write+a+Dockerfile' localhost:5000/form`)).stdout).toBe('added write a Dockerfile from 172.17.0.1 with curl/8.5.0\n');
    expect((await s.run('curl -s localhost:5000/todos')).stdout).toBe('[{"id":1,"title":"learn docker"},{"id":2,"title":"write a Dockerfile"}]\n');
    expect((await s.run('curl -s "localhost:5000/todos?limit=1"')).stdout).toBe('[{"id":1,"title":"learn docker"}]\n');
  });

  it('express: a weak ETag on every body; a GET or HEAD naming it in If-None-Match gets 304 Not Modified without a body', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const app = ["const express = require('express');", 'const app = express();', "app.get('/', (req, res) => res.send('Hello World!'));", 'app.listen(3000);'].join('\n');
    await s.run(`mkdir web && cat > web/server.js <<'EOF'\n${app}\nEOF`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /usr/src/app\\nRUN npm init -y\\nRUN npm install express\\nCOPY server.js .\\nCMD ["node", "server.js"]\\n' > web/Dockerfile`);
    expect((await s.run('docker build -q -t hello web')).exitCode).toBe(0);
    await s.run('docker run -d --name hello -p 8080:3000 hello');
    const head = await s.run('curl -I localhost:8080');
    expect(head.stdout).toBe('HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\nETag: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"\r\nDate: Mon, 23 Nov 2026 09:00:07 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n');
    const cached = await s.run(`curl -si -H 'If-None-Match: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"' localhost:8080`);
    expect(cached.stdout).toBe('HTTP/1.1 304 Not Modified\r\nX-Powered-By: Express\r\nETag: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"\r\nDate: Mon, 23 Nov 2026 09:00:08 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n');
    // another tag, or Cache-Control: no-cache, gets the whole answer again
    expect((await s.run(`curl -s -H 'If-None-Match: W/"c-other"' localhost:8080`)).stdout).toBe('Hello World!');
    expect((await s.run(`curl -s -H 'If-None-Match: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"' -H 'Cache-Control: no-cache' localhost:8080`)).stdout).toBe('Hello World!');
  });

  it('a session with a counting server replays byte for byte, in full and from a checkpoint, and both count on alike', async () => {
    const s = createSession({ seed: 3 });
    await s.run('docker pull -q node');
    let t = timelineOf(s);
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${NODE_COUNTER}\nEOF`);
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    for (let i = 1; i <= CHECKPOINT_EVERY + 2; i++) expect((await s.run(`curl -s localhost:3000/${i}`)).stdout).toMatch(new RegExp(`^count=${i} seen=/1[,\\n]`));
    t = record(s, t);
    expect(s.checkpoints().map((c) => c.steps)).toEqual([CHECKPOINT_EVERY]);
    const events = eventsUntil(s, t, CHECKPOINT_EVERY + 4);
    const full = await rebuild(events, t.base, { seed: 3 });
    const fast = await rebuild(events, t.base, { seed: 3, checkpoints: s.checkpoints() });
    expect(fast.intro).toBe(full.intro);
    expect(full.intro).toContain('count=22 seen=/1,/2,/3,/4,/5,/6,/7,/8,/9,/10,/11,/12,/13,/14,/15,/16,/17,/18,/19,/20,/21,/22\n');
    expect(json(fast.session.engine.state)).toBe(json(full.session.engine.state));
    expect(json(full.session.engine.state)).toBe(json(s.engine.state));
    expect((await fast.session.run('curl -s localhost:3000/next')).stdout).toMatch(/^count=23 seen=\/1,.*,\/22,\/next\n$/);
    expect((await full.session.run('curl -s localhost:3000/next')).stdout).toMatch(/^count=23 seen=\/1,.*,\/22,\/next\n$/);
    expect(json(fast.session.engine.state)).toBe(json(full.session.engine.state));
  });

  it('compose: a flask service counts in memory and in redis; replays do not send redis commands again; a restart empties memory only', async () => {
    const s = createSession({ headless: true });
    const app = "import redis\nfrom flask import Flask\n\napp = Flask(__name__)\ncache = redis.Redis(host='redis', port=6379)\nmem = 0\n\n@app.route('/')\ndef hello():\n    global mem\n    mem += 1\n    return f\"redis {cache.incr('hits')} memory {mem}\\n\"\n";
    const dockerfile = 'FROM python:3.13-alpine\\nWORKDIR /code\\nENV FLASK_APP=app.py\\nENV FLASK_RUN_HOST=0.0.0.0\\nRUN pip install flask redis\\nCOPY . .\\nCMD ["flask", "run"]\\n';
    const compose = 'services:\\n  web:\\n    build: .\\n    ports:\\n      - "8000:5000"\\n  redis:\\n    image: redis:alpine\\n';
    for (const line of ['mkdir both', 'cd both', `cat > app.py <<'EOF'\n${app}EOF`, `printf '${dockerfile}' > Dockerfile`, `printf '${compose}' > compose.yaml`, 'docker compose up -d']) expect((await s.run(line)).exitCode, line).toBe(0);
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('redis 1 memory 1\n');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('redis 2 memory 2\n');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('redis 3 memory 3\n');
    expect((await s.run('docker compose exec redis redis-cli get hits')).stdout).toBe('"3"\n');
    await s.run('docker compose restart web');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('redis 4 memory 1\n');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('redis 5 memory 2\n');
    expect((await s.run('docker compose exec redis redis-cli get hits')).stdout).toBe('"5"\n');
  });

  it('a server kept alive between requests still sees a file changed under it, and counts on alike when the session is rebuilt', async () => {
    const s = createSession({ seed: 9 });
    await s.run('docker pull -q node');
    let t = timelineOf(s);
    const app = ["const http = require('http');", "const fs = require('fs');", 'let n = 0;', "http.createServer((req, res) => { n++; res.end(n + ' ' + fs.readFileSync('/app/msg.txt', 'utf8')); }).listen(3000);"].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${app}\nEOF`);
    await s.run('echo hello > srv/msg.txt');
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await s.run('curl -s localhost:3000/')).stdout);
    await s.run('echo changed > srv/msg.txt');
    for (let i = 0; i < 2; i++) got.push((await s.run('curl -s localhost:3000/')).stdout);
    expect(got).toEqual(['1 hello\n', '2 hello\n', '3 hello\n', '4 changed\n', '5 changed\n']);
    t = record(s, t);
    const again = await rebuild(eventsUntil(s, t, 100), t.base, { seed: 9 });
    expect(json(again.session.engine.state)).toBe(json(s.engine.state));
    expect((await again.session.run('curl -s localhost:3000/')).stdout).toBe('6 changed\n');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('6 changed\n');
  });

  it('a flask app kept alive between requests sees a changed file too, and a rebuilt session counts on alike', async () => {
    const s = createSession({ seed: 11 });
    await s.run('docker pull -q python');
    let t = timelineOf(s);
    const app = "from flask import Flask\n\napp = Flask(__name__)\nhits = []\n\n@app.route('/')\ndef home():\n    hits.append(1)\n    with open('/app/msg.txt') as f:\n        return f'{len(hits)} {f.read()}'\n\napp.run(host='0.0.0.0')\n";
    await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${app}EOF`);
    await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
    await s.run('docker build -q -t msg fl');
    await s.run('echo hello > fl/msg.txt');
    await s.run('docker run -d --name web -p 5000:5000 -v $PWD/fl:/app msg');
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await s.run('curl -s localhost:5000/')).stdout);
    await s.run('echo changed > fl/msg.txt');
    for (let i = 0; i < 2; i++) got.push((await s.run('curl -s localhost:5000/')).stdout);
    expect(got).toEqual(['1 hello\n', '2 hello\n', '3 hello\n', '4 changed\n', '5 changed\n']);
    t = record(s, t);
    const again = await rebuild(eventsUntil(s, t, 100), t.base, { seed: 11 });
    expect(json(again.session.engine.state)).toBe(json(s.engine.state));
    expect((await again.session.run('curl -s localhost:5000/')).stdout).toBe('6 changed\n');
    expect((await s.run('curl -s localhost:5000/')).stdout).toBe('6 changed\n');
  });
});
