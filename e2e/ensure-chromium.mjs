// Makes sure the system Chromium the e2e tests drive (/usr/bin/chromium) is installed; installs it with apt as root.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is present`);
  process.exit(0);
}

if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing and this is not root, so it cannot be installed here.\n` +
      '  Install it with: sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core',
  );
  process.exit(1);
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing it with apt-get (Debian package "chromium")`);
const result = spawnSync(
  'bash',
  ['-c', 'apt-get update && apt-get install -y chromium fonts-dejavu-core'],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
);
if (result.status !== 0 || !existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: installing chromium failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}`);
