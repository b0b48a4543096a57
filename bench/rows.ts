// `npm run bench`, listing part: what printing 1,000 rows costs, column by column (CPU and wall time, median of 30).
import { createSession } from '../src/shell/session';

const LINES = [
  'docker ps -q',
  'docker ps --format "{{.Names}}"',
  'docker ps --format "{{.Command}}"',
  'docker ps --format "{{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}"',
  "docker ps --format 'table {{.Names}}\\t{{.Status}}'",
  'docker ps > /dev/null',
  'docker ps',
  'docker network inspect -f "{{.Name}}" bridge',
  'docker network inspect bridge',
  'seq 1 1000',
];

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const s = createSession({ headless: true, timeline: false });
  await s.run('docker pull -q busybox');
  for (let i = 0; i < 1000; i++) await s.run('docker run -d busybox sleep 100000');
  console.log('\nprinting 1,000 running containers (median of 30: CPU / wall)\n\n| line | CPU | wall |\n|---|---|---|');
  for (const line of LINES) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c0 = cpuNow();
      const t0 = performance.now();
      await s.run(line);
      wall.push(performance.now() - t0);
      cpu.push(cpuNow() - c0);
    }
    console.log(`| \`${line.replace(/\|/g, '\\|')}\` | ${median(cpu).toFixed(2)} ms | ${median(wall).toFixed(2)} ms |`);
  }
}

main();
