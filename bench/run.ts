// `npm run bench`: prints timings of typical simulator work (no assertions; figures for the README and notes).
import { performance } from 'node:perf_hooks';
import { createSession } from '../src/shell/session';
import { catalog } from '../src/engine/registry/catalog';
import { replay } from '../src/shell/replay';

async function time(label: string, n: number, fn: () => Promise<unknown> | unknown) {
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms${n > 1 ? `   (${(ms / n).toFixed(2)} ms each, n=${n})` : ''}`);
}

async function main() {
  console.log(`node ${process.version}`);
  await time('catalog build (all seed manifests)', 1, () => catalog());
  const s = createSession({ headless: true });
  await time('first line in a new session (echo)', 1, () => s.run('echo hi'));
  await time('docker run --rm hello-world (pull + run)', 1, () => s.run('docker run --rm hello-world'));
  const refs = [...catalog().entries()].flatMap(([repo, tags]) => [...tags.keys()].map((t) => `${repo.replace(/^library\//, '')}:${t}`));
  await time(`docker pull of every catalog tag`, refs.length, async () => {
    for (const r of refs) await s.run(`docker pull -q ${r}`);
  });
  await time('docker run -d nginx (x100)', 100, async () => {
    for (let i = 0; i < 100; i++) await s.run('docker run -d nginx');
  });
  await time('docker run alpine sh -c (script, x50)', 50, async () => {
    for (let i = 0; i < 50; i++) await s.run("docker run alpine sh -c 'for i in 1 2 3; do echo $i > /tmp/f$i; done; ls /tmp'");
  });
  await time('docker ps -a with 150 containers (x20)', 20, async () => {
    for (let i = 0; i < 20; i++) await s.run('docker ps -a');
  });
  await time('docker rm -f $(docker ps -aq)', 1, () => s.run('docker rm -f $(docker ps -aq)'));

  // builds: a 50-step Dockerfile (cold, then fully cached), and 100 one-step images
  const steps = ['FROM busybox', ...Array.from({ length: 48 }, (_, i) => `RUN echo step ${i} > /step${i}.txt`), 'CMD ["sh"]'];
  await s.run(`mkdir -p /root/b50 && cat > /root/b50/Dockerfile <<'EOF'\n${steps.join('\n')}\nEOF`);
  await time('docker build: 50-step Dockerfile, cold', 1, () => s.run('cd /root/b50 && docker build -q -t b50 .'));
  await time('docker build: 50-step Dockerfile, all cached', 1, () => s.run('cd /root/b50 && docker build -q -t b50 .'));
  await time('docker build: 100 images (FROM busybox + RUN)', 100, async () => {
    for (let i = 0; i < 100; i++) await s.run(`mkdir -p /root/i${i} && printf 'FROM busybox\\nRUN echo ${i} > /n\\n' > /root/i${i}/Dockerfile && docker build -q -t img${i} /root/i${i}`);
  });
  await time('docker commit: 100 containers', 100, async () => {
    for (let i = 0; i < 100; i++) await s.run(`docker run --name c${i} busybox sh -c 'echo ${i} > /n' && docker commit c${i} commit${i} >/dev/null`);
  });
  const imgs = (await s.run('docker images -q | wc -l')).stdout.trim();
  await time(`docker images with ${imgs} images (x20)`, 20, async () => {
    for (let i = 0; i < 20; i++) await s.run('docker images');
  });

  // time travel: branching replays the journal into a fresh session
  const t = createSession({ headless: true });
  const lines = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? `docker run -d --name t${i} nginx` : i % 4 === 1 ? `docker exec t${i - 1} ls /etc` : i % 4 === 2 ? `echo ${i} > /root/f${i}` : `docker ps -q | wc -l`));
  for (const l of lines) await t.run(l);
  const events = t.journal();
  await time('time travel: replay a 100-command session', 1, () => replay(events));
  await time('time travel: branch from step 50 (replay 50)', 1, () => replay(events.slice(0, 50)));
  const mem = process.memoryUsage();
  console.log(`heap used after the run: ${(mem.heapUsed / 1048576).toFixed(1)} MiB`);
}

main();
