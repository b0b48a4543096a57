// `npm run bench`, server scripts: the CPU time a request to an express and a flask server costs early and after
// hundreds of requests (a server that has answered many must not cost more per request than a new one).
import { createSession } from '../src/shell/session';

const N = Number(process.env.BENCH_REQUESTS ?? 300);
const WINDOW = 50;

async function server(kind: 'express' | 'flask') {
  const s = createSession({ headless: true, timeline: false });
  if (kind === 'express') {
    await s.run('docker pull -q node');
    const app = ["const express = require('express');", 'const app = express();', 'const seen = [];', "app.get('/', (req, res) => { seen.push(req.url); res.json({ n: seen.length }); });", 'app.listen(3000);'].join('\n');
    await s.run(`mkdir srv && cat > srv/server.js <<'EOF'\n${app}\nEOF`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /app\\nRUN npm init -y\\nRUN npm install express\\nCOPY server.js .\\nCMD ["node", "server.js"]\\n' > srv/Dockerfile`);
  } else {
    await s.run('docker pull -q python');
    const app = "from flask import Flask, jsonify\n\napp = Flask(__name__)\nseen = []\n\n@app.route('/')\ndef home():\n    seen.append(1)\n    return jsonify(n=len(seen))\n\napp.run(host='0.0.0.0', port=3000)\n";
    await s.run(`mkdir srv && cat > srv/app.py <<'EOF'\n${app}EOF`);
    await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCOPY app.py .\\nCMD ["python3", "app.py"]\\n' > srv/Dockerfile`);
  }
  if ((await s.run('docker build -q -t app srv')).exitCode !== 0) throw new Error('bench setup failed: docker build');
  await s.run('docker run -d --name api -p 3000:3000 app');
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`\nServer script requests: median CPU ms per curl, by ${WINDOW}-request window (${N} requests)\n`);
console.log('| server | ' + Array.from({ length: N / WINDOW }, (_, i) => `${i * WINDOW + 1}–${(i + 1) * WINDOW}`).join(' | ') + ' |');
console.log('|---|' + '---|'.repeat(N / WINDOW));
for (const kind of ['express', 'flask'] as const) {
  const s = await server(kind);
  const cells: string[] = [];
  let win: number[] = [];
  for (let i = 1; i <= N; i++) {
    const c0 = process.cpuUsage();
    const r = await s.run('curl -s localhost:3000/');
    const c = process.cpuUsage(c0);
    if (r.stdout.trim() !== `{"n":${i}}`) throw new Error(`${kind}: request ${i} answered ${r.stdout}`);
    win.push((c.user + c.system) / 1000);
    if (i % WINDOW === 0) (cells.push(median(win).toFixed(1)), (win = []));
  }
  console.log(`| ${kind} | ${cells.join(' | ')} |`);
}
