// npm in the node images: init -y, install from the seeded registry (node_modules, package.json, lock), npm start, E404.
import { describe, expect, it, vi } from 'vitest';
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

  // npm/cli workspaces/libnpmexec/lib/index.js: the prompt through read() with default 'y' (shown as "(y)"), "canceled"
  // when the answer does not start with y, the -n error with the list as JSON, the warning when there is no terminal;
  // the package goes to the npx cache, so the next npx of it asks nothing
  it('npx of a package not installed asks "Ok to proceed? (y)" at a terminal; -y skips it, -n refuses, n cancels', async () => {
    const s = createSession({ seed: 5 });
    await s.run('docker pull -q node');
    await s.run('docker run -d --name box -w /app node sleep infinity');
    const log = /npm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/[\w-]+-debug-0\.log\n$/;
    await s.run('docker exec -it box bash');
    const ask = 'Need to install the following packages:\ncors@2.8.5\nOk to proceed? (y) ';
    let done = s.run('npx cors');
    await vi.waitFor(() => expect(s.asking()).toEqual({ secret: false }));
    s.answer('n');
    let r = await done;
    expect([r.stdout, r.stderr.replace(log, ''), r.exitCode]).toEqual([ask, 'npm error canceled\n', 1]);
    expect((await s.run('ls /root/.npm/_npx 2>&1; echo $?')).stdout).toBe('ls: cannot access \'/root/.npm/_npx\': No such file or directory\n2\n');
    done = s.run('npx cors');
    await vi.waitFor(() => expect(s.asking()).not.toBeNull());
    s.answer(''); // Enter takes the default, y
    r = await done;
    expect([r.stdout, r.stderr.replace(log, ''), r.exitCode]).toEqual([ask, 'npm error could not determine executable to run\n', 1]);
    // installed in the npx cache (named by the first 16 hex digits of sha512("cors")): asked no more
    expect((await s.run('cat /root/.npm/_npx/*/package.json')).stdout).toBe('{\n  "dependencies": {\n    "cors": "^2.8.5"\n  },\n  "_npx": {\n    "packages": [\n      "cors"\n    ]\n  }\n}\n');
    r = await s.run('npx cors');
    expect([r.stdout, r.stderr.replace(log, '')]).toEqual(['', 'npm error could not determine executable to run\n']);
    r = await s.run('npx -n dotenv');
    expect([r.stdout, r.stderr.replace(log, '')]).toEqual(['', 'npm error npx canceled due to missing packages and no YES option: ["dotenv@16.4.7"]\n']);
    r = await s.run('npx --yes dotenv');
    expect([r.stdout, r.stderr.replace(log, '')]).toEqual(['', 'npm error could not determine executable to run\n']);
    expect((await s.run('ls /root/.npm/_npx/*/node_modules')).stdout).toBe('/root/.npm/_npx/52a061ab2279be2b/node_modules:\ndotenv\n\n/root/.npm/_npx/f343ed7e5314d2bf/node_modules:\ncors  object-assign  vary\n');
  });
});
