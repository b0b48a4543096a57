// npm in the node images: init -y, install from the seeded registry (node_modules, package.json, lock), npm start, E404.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('npm', () => {
  it('init -y writes and prints package.json; install express lays out node_modules and prints npm 10\'s summary', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    await s.run('docker run -d --name box -w /app node sleep infinity');
    const init = await s.run('docker exec box npm init -y');
    expect(init.stdout).toBe('Wrote to /app/package.json:\n\n{\n  "name": "app",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n  "keywords": [],\n  "author": "",\n  "license": "ISC",\n  "description": ""\n}\n\n\n');
    const add = await s.run('docker exec box npm install express');
    expect(add.stdout).toBe('\nadded 65 packages, and audited 66 packages in 4s\n\n13 packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities\n');
    expect((await s.run('docker exec box sh -c "ls node_modules | wc -l; cat node_modules/express/package.json | grep version; grep -A2 dependencies package.json"')).stdout).toBe('63\n  "version": "4.21.2",\n  "dependencies": {\n    "express": "^4.21.2"\n  }\n');
    expect((await s.run('docker exec box npm install')).stdout).toBe('\nup to date, audited 66 packages in 317ms\n\n13 packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities\n');
    const missing = await s.run('docker exec box npm install nosuch');
    expect(missing.stderr.split('\n').slice(0, 2).join('\n')).toBe('npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/nosuch - Not found');
    expect(missing.exitCode).toBe(1);
  });

  it('an image built with npm install express and CMD ["npm", "start"] serves the express hello world through -p', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const server = ["const express = require('express');", 'const app = express();', "app.get('/', (req, res) => res.send('Hello World!'));", "app.get('/users/:id', (req, res) => res.json({ id: req.params.id }));", "app.listen(3000, () => console.log('Example app listening on port 3000'));"].join('\n');
    await s.run(`mkdir web && cat > web/server.js <<'EOF'\n${server}\nEOF`);
    await s.run(`printf 'FROM node:22\\nWORKDIR /usr/src/app\\nRUN npm init -y\\nRUN npm install express\\nCOPY server.js .\\nEXPOSE 3000\\nCMD ["npm", "start"]\\n' > web/Dockerfile`);
    expect((await s.run('docker build -q -t web web')).exitCode).toBe(0);
    await s.run('docker run -d --name web1 -p 3000:3000 web');
    expect((await s.run('curl -s localhost:3000/')).stdout).toBe('Hello World!');
    const head = (await s.run('curl -si localhost:3000/users/7')).stdout;
    expect(head).toContain('HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 10\r\n');
    expect(head.endsWith('\r\n\r\n{"id":"7"}')).toBe(true);
    expect((await s.run('curl -s localhost:3000/nope')).stdout).toBe('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n');
    expect((await s.run('docker logs web1')).stdout).toBe('\n> app@1.0.0 start\n> node server.js\n\nExample app listening on port 3000\n');
  });

  it('npx runs a command from node_modules/.bin; a package without one, or not in the registry, gets npm 10\'s errors', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    await s.run('docker run -d --name box -w /app node sleep infinity');
    expect((await s.run('docker exec box npx --version')).stdout).toBe('10.9.0\n');
    await s.run(`docker exec box sh -c 'npm init -y >/dev/null && npm install express >/dev/null && mkdir -p node_modules/.bin && printf "#!/bin/sh\\necho hello \\$1\\n" > node_modules/.bin/greet && chmod +x node_modules/.bin/greet'`);
    const greet = await s.run('docker exec box npx greet docker');
    expect([greet.stdout, greet.exitCode]).toEqual(['hello docker\n', 0]);
    const log = (t: string) => `npm error A complete log of this run can be found in: /root/.npm/_logs/2026-11-23T09_00_${t}_000Z-debug-0.log\n`;
    const local = await s.run('docker exec box npx express');
    expect(local.stderr).toBe(`npm error could not determine executable to run\n${log('06')}`);
    expect(local.exitCode).toBe(1);
    const seeded = await s.run('docker exec -w / box npx cors');
    expect(seeded.stderr).toBe(`npm warn exec The following package was not found and will be installed: cors@2.8.5\nnpm error could not determine executable to run\n${log('07')}`);
    const missing = await s.run('docker exec box npx nosuch');
    expect(missing.stderr).toBe(`npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/nosuch - Not found\nnpm error 404\nnpm error 404  'nosuch@*' is not in this registry.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url.\n${log('08')}`);
    expect(missing.exitCode).toBe(1);
  });
});
