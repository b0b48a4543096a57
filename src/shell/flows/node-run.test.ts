// node runs JavaScript for real (QuickJS, sandboxed and bounded): -e, -p, scripts from bind mounts and builds, errors as node prints them.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const session = async () => {
  const s = createSession({ headless: true });
  await s.run('docker pull -q node');
  return s;
};

describe('node', () => {
  it('-e and -p evaluate code: console.log formats values like util.inspect, process.env and process.exit work', async () => {
    const s = await session();
    const r = await s.run(`docker run --rm node -e 'console.log(1 + 2, "x", { a: 1, b: [1, 2] }); const f = (n) => (n < 2 ? n : f(n - 1) + f(n - 2)); console.log(\`fib \${f(20)}\`)'`);
    expect(r.stdout).toBe('3 x { a: 1, b: [ 1, 2 ] }\nfib 6765\n');
    expect((await s.run(`docker run --rm node -p '[1, 2, 3].map((x) => x * 2)'`)).stdout).toBe('[ 2, 4, 6 ]\n');
    const env = await s.run(`docker run --rm -e NAME=Ada node node -e 'console.log("hi", process.env.NAME, process.version); process.exit(3)'`);
    expect(env.stdout).toBe('hi Ada v22.12.0\n');
    expect(env.exitCode).toBe(3);
    // no script and stdin attached: node reads its program from stdin
    expect((await s.run(`echo 'console.log("from stdin")' | docker run --rm -i node`)).stdout).toBe('from stdin\n');
    expect((await s.run('docker run --name idle node')).stdout).toBe('');
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(0\)/);
  });

  it('an uncaught error prints the line, a caret, the error with its stack and the node version, and exits 1', async () => {
    const s = await session();
    const r = await s.run(`docker run --rm node -e 'console.log(nope)'`);
    expect(r.stderr).toBe('[eval]:1\nconsole.log(nope)\n            ^\n\nReferenceError: nope is not defined\n    at [eval]:1:13\n\nNode.js v22.12.0\n');
    expect(r.exitCode).toBe(1);
    const missing = await s.run('docker run --rm node app.js');
    expect(missing.stderr).toContain("Error: Cannot find module '/app.js'\n");
    expect(missing.stderr).toContain("  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v22.12.0\n");
  });

  it('runs a script from a bind mount: require of fs, os and a local module, files it writes land on the host', async () => {
    const s = await session();
    await s.run(`mkdir app && printf 'module.exports = (n) => "hello " + n;\\n' > app/greet.js && echo world > app/name.txt`);
    await s.run(`printf 'const fs = require("fs");\\nconst greet = require("./greet");\\nconsole.log(greet(fs.readFileSync("name.txt", "utf8").trim()));\\nfs.writeFileSync("out.txt", "done\\\\n");\\nfunction boom() { throw new Error("boom"); }\\nboom();\\n' > app/app.js`);
    const r = await s.run('docker run --rm -v $PWD/app:/app -w /app node app.js');
    expect(r.stdout).toBe('hello world\n');
    expect(r.stderr).toBe('/app/app.js:5\nfunction boom() { throw new Error("boom"); }\n                                 ^\n\nError: boom\n    at boom (/app/app.js:5:34)\n    at Object.<anonymous> (/app/app.js:6:5)\n\nNode.js v22.12.0\n');
    expect(r.exitCode).toBe(1);
    expect((await s.run('cat app/out.txt')).stdout).toBe('done\n');
  });

  it('runs a built image (COPY + CMD), with timers on simulated time; the sandbox has no page or worker globals', async () => {
    const s = await session();
    await s.run(`mkdir b && printf 'let n = 0;\\nconst t = setInterval(() => { n++; console.log("tick", n); if (n === 3) clearInterval(t); }, 1000);\\nconsole.log(typeof window, typeof self, typeof fetch, typeof postMessage);\\n' > b/index.js`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /usr/src/app\\nCOPY index.js .\\nCMD ["node", "index.js"]\\n' > b/Dockerfile`);
    expect((await s.run('docker build -q -t ticker b')).exitCode).toBe(0);
    const r = await s.run('docker run --name tick ticker');
    expect(r.stdout).toBe('undefined undefined undefined undefined\ntick 1\ntick 2\ntick 3\n');
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(0\)/);
  });

  it('an endless loop is cut off by the budget and the container counts as running until stopped', async () => {
    const s = await session();
    await s.run(`docker run -d --name spin node -e 'let i = 0; while (true) { i++ }'`);
    expect((await s.run('docker ps --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^spin Up /);
    await s.run('docker kill spin');
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(137\)/);
  });

  it('an http.createServer script published with -p answers curl from the host; its handler runs per request', async () => {
    const s = await session();
    const server = [
      "const http = require('http');",
      'const server = http.createServer((req, res) => {',
      '  console.log(`${req.method} ${req.url}`);',
      "  res.setHeader('Content-Type', 'text/plain');",
      '  res.end(`hi from ${req.url}\\n`);',
      '});',
      "server.listen(3000, () => console.log('Server running at http://localhost:3000/'));",
    ].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${server}\nEOF`);
    await s.run('docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
    expect((await s.run('docker ps --format "{{.Names}} {{.Ports}}"')).stdout).toBe('api 0.0.0.0:3000->3000/tcp, :::3000->3000/tcp\n');
    expect((await s.run('curl -i localhost:3000/hello')).stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Mon, 23 Nov 2026 09:00:05 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 15\r\n\r\nhi from /hello\n');
    expect((await s.run('curl -s localhost:3000/x')).stdout).toBe('hi from /x\n');
    expect((await s.run('docker logs api')).stdout).toBe('Server running at http://localhost:3000/\nGET /hello\nGET /x\n');
    await s.run('docker stop api');
    expect((await s.run('curl -s localhost:3000/')).exitCode).toBe(7);
  });

  it('as PID 1 a script ignores SIGTERM (docker stop waits, then SIGKILL) unless it sets a handler: node and python', async () => {
    const s = await session();
    await s.run('docker pull -q python');
    await s.run(`docker run -d --name graceful node -e 'process.on("SIGTERM", () => process.exit(0)); setInterval(() => {}, 1000)'`);
    await s.run(`docker run -d --name stubborn node -e 'setInterval(() => {}, 1000)'`);
    await s.run(`docker run -d --name pyg python python3 -c 'import signal, time\nsignal.signal(signal.SIGTERM, lambda s, f: exit(0))\nwhile True:\n    time.sleep(1)'`);
    await s.run('docker stop graceful stubborn pyg');
    expect((await s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe('pyg Exited (0) 1 second ago\nstubborn Exited (137) 1 second ago\ngraceful Exited (0) 11 seconds ago\n');
  });

  // V8 (message-template.h NotAFunction "% is not a function"; CallPrinter names the callee, a call's arguments as (...))
  // points at the callee's last name, where QuickJS points at the '('
  it('calling what is no function: TypeError naming the callee as V8 does, the caret and the frame at its name', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    await s.run(`mkdir app && printf 'const app = { get: () => ({}) };\\nconsole.log("start");\\napp.get("/").sned("x");\\n' > app/server.js`);
    const r = await s.run('docker run --rm -v $PWD/app:/app node node /app/server.js');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['start\n', '/app/server.js:3\napp.get("/").sned("x");\n             ^\n\nTypeError: app.get(...).sned is not a function\n    at Object.<anonymous> (/app/server.js:3:14)\n\nNode.js v22.12.0\n', 1]);
    const e = await s.run(`docker run --rm node node -e 'const list = [1]; list.mapp((x) => x)'`);
    expect(e.stderr).toBe('[eval]:1\nconst list = [1]; list.mapp((x) => x)\n                       ^\n\nTypeError: list.mapp is not a function\n    at [eval]:1:24\n\nNode.js v22.12.0\n');
  });
});
