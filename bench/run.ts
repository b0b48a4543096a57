// `npm run bench`, engine part: the performance table (goal, median, spread, ratios) and a scaling table by container count.
import { performance } from 'node:perf_hooks';
import { createSession, type Session } from '../src/shell/session';
import { eventsUntil, record, timelineOf, type Timeline } from '../src/shell/timeline';
import { rebuild } from '../src/shell/rebuild';
import { allContainers } from '../src/engine/index';
import { goalTracker } from '../src/lessons/goal-progress';

/** Wall-clock budget for filling one session with 10,000 containers (the old engine needed half an hour). */
const FILL_BUDGET_MS = Number(process.env.BENCH_FILL_BUDGET_MS ?? 120_000);
const gc = (globalThis as { gc?: () => void }).gc;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) + ' ms';
const spread = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))}, n=${xs.length})`;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

/** CPU time (user + system) of this process, ms: on a shared machine it grows much less with the load than wall time. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** The CPU time the last `timed` line took. */
let lastCpu = 0;

async function timed(s: Session, line: string): Promise<number> {
  const c0 = cpuNow();
  const t0 = performance.now();
  await s.run(line);
  const wall = performance.now() - t0;
  lastCpu = cpuNow() - c0;
  return wall;
}

/** A setup line that must work (the figures would mean nothing otherwise). */
async function must(s: Session, line: string): Promise<void> {
  const r = await s.run(line);
  if (r.exitCode !== 0) throw new Error(`bench setup failed: ${line}\n${r.output}`);
}

async function samples(s: Session, line: string, n: number, cpu: number[] = []): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await timed(s, line));
    cpu.push(lastCpu);
  }
  return out;
}

interface Row {
  metric: string;
  goal: string;
  measured: string;
  met: boolean | null;
  note?: string;
}
const rows: Row[] = [];
const row = (metric: string, goal: string, measured: string, met: boolean | null, note = '') => rows.push({ metric, goal, measured, met, note });

/** The commands timed at each size (the ones the performance goals name). */
const COMMANDS: [string, (last: string) => string][] = [
  ['empty line', () => ''],
  ['docker ps', () => 'docker ps'],
  ['docker inspect', (last) => `docker inspect ${last}`],
  ['network inspect', () => 'docker network inspect bridge'],
  ['iptables -L', () => 'iptables -L'],
  ['ls /', () => 'ls /'],
  ['docker run -d', () => 'docker run -d busybox sleep 1000'],
];

/** One session filled with `docker run -d busybox sleep 1000`, timing the commands at 0, 100, 1,000 and 10,000 containers. */
async function scaling() {
  // the session API as the runner uses it, without time travel's per-step states (the lab keeps them: see README)
  const s = createSession({ headless: true, timeline: false });
  await must(s, 'docker pull -q busybox');
  const sizes = [0, 100, 1000, 10000];
  const table: { n: number; times: Record<string, number[]>; cpu: Record<string, number[]>; heap: number }[] = [];
  const runTimes: number[] = [];
  const runCpu: number[] = [];
  let created = 0;
  let fillMs = 0;
  let fillCpu = 0;
  let stopped = false;
  const last = () => allContainers(s.engine.state).at(-1)?.name ?? 'none';
  for (const n of sizes) {
    while (created < n && !stopped) {
      const t = await timed(s, 'docker run -d busybox sleep 1000');
      runTimes.push(t);
      runCpu.push(lastCpu);
      fillMs += t;
      fillCpu += lastCpu;
      created++;
      if (fillMs > FILL_BUDGET_MS) stopped = true;
    }
    if (created < n) break;
    const reps = n >= 10000 ? 5 : n >= 1000 ? 15 : 25;
    const times: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    for (const [label, line] of COMMANDS) times[label] = await samples(s, line(last()), reps, (cpu[label] = []));
    table.push({ n, times, cpu, heap: heapMB() });
  }
  const at = (i: number) => runTimes.slice(i, i + 100);
  const run7500 = at(7500);
  const run100 = at(100);
  const cpu7500 = runCpu.slice(7500, 7600);
  if (run7500.length) row('`docker run -d busybox sleep 1000` at 7,500 containers', '< 0.3 ms', spread(run7500), median(run7500) < 0.3, `×${(median(run7500) / median(run100)).toFixed(1)} the time at 100; CPU ${ms(median(cpu7500))} (×${(median(cpu7500) / median(runCpu.slice(100, 200))).toFixed(1)} at 100)`);
  else row('`docker run -d busybox sleep 1000` at 7,500 containers', '< 0.3 ms', `not reached: ${created} in ${(fillMs / 1000).toFixed(0)} s`, false, `last run ${ms(runTimes[runTimes.length - 1])}`);
  if (created >= 10000) row('10,000 `docker run -d` in one session', '< 3 s', `${(fillMs / 1000).toFixed(2)} s`, fillMs < 3000, `${ms(fillMs / created)} each; CPU ${(fillCpu / 1000).toFixed(2)} s`);
  else row('10,000 `docker run -d` in one session', '< 3 s', `stopped at ${created} after ${(fillMs / 1000).toFixed(0)} s`, false);
  const k = table.find((r) => r.n === 1000);
  if (k) {
    for (const [label] of COMMANDS) {
      const base = table[0].times[label];
      row(`${label} at 1,000 containers`, '< 2 ms median', spread(k.times[label]), median(k.times[label]) < 2, `×${(median(k.times[label]) / median(base)).toFixed(1)} the time at 0; CPU ${ms(median(k.cpu[label]))}`);
    }
  }
  return { table, labels: COMMANDS.map(([l]) => l) };
}

/** Goals a lab page asks about after each command (a state goal and an action goal, as the networking lessons have). */
const GOALS = ['container-running writer', 'can-ping writer host'];

/** A mixed learner session, recorded into a timeline and its goals judged after each line as the lab's worker does. */
async function learnerSession() {
  const s = createSession({ headless: true });
  await must(s, 'docker pull -q busybox');
  await must(s, 'docker run -d --name writer busybox sleep 100000000');
  return { s, t: timelineOf(s), goals: goalTracker() };
}
const mix = (i: number) => [`echo ${i} > /root/note`, 'docker ps -q | wc -l', `docker exec writer sh -c 'echo ${i} > /tmp/n'`, 'cat /root/note', 'docker images -q', 'cd /tmp', 'cd', 'true'][i % 8];

/** Type line `i` of the mix into a learner session and record it; the time it took. */
async function typeLine(l: { s: Session; t: Timeline; goals: ReturnType<typeof goalTracker> }, i: number): Promise<number> {
  const t0 = performance.now();
  await l.s.run(mix(i));
  l.t = record(l.s, l.t);
  l.goals(GOALS, l.t.start, l.t.states, l.t.labels, { start: l.t.startPacket, after: l.t.packets });
  return performance.now() - t0;
}

async function stepsAndBranch() {
  // one session typed to step 1,000 and another to step 100; then they take turns, line for line, so both are timed
  // under the same machine load (this machine is shared: a ratio of the two is what is comparable between runs)
  const late = await learnerSession();
  for (let i = 0; i < 1000; i++) await typeLine(late, i);
  const early = await learnerSession();
  for (let i = 0; i < 100; i++) await typeLine(early, i);
  const round = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [at100, at1000]: number[][] = [[], []];
  for (let r = 0; r < 12; r++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < 8; k++) {
      a.push(await typeLine(early, 100 + r * 8 + k));
      b.push(await typeLine(late, 1000 + r * 8 + k));
    }
    at100.push(round(a));
    at1000.push(round(b));
  }
  const ratio = median(at1000) / median(at100);
  row('step cost after 1,000 typed lines (with the timeline and goals; per line of an 8-line mix)', 'no growth', `${spread(at1000)}; at step 100: ${ms(median(at100))}`, ratio < 1.25, `×${ratio.toFixed(2)} the cost at step 100, timed in turns`);
  const { s, t } = late;
  const branch: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await rebuild(eventsUntil(s, t, 1000), t.base, { checkpoints: s.checkpoints() });
    branch.push(performance.now() - t0);
  }
  row('"Branch from here" at step 1,000', '< 200 ms', spread(branch), median(branch) < 200, 'from the latest checkpoint (every 20 steps)');
}

async function historyMemory() {
  const before = heapMB();
  const s = createSession({ headless: true });
  await must(s, 'docker pull -q busybox');
  await must(s, 'docker run -d --name writer busybox sleep 100000000');
  let t = timelineOf(s);
  for (let i = 0; i < 1000; i++) {
    await s.run(`docker exec writer sh -c 'echo ${i} > /file${i}'`);
    t = record(s, t);
  }
  const used = heapMB() - before;
  // (s and t are used after the measurement so that they count as alive during it)
  row('history memory, 1,000 steps each writing one file in a container', '< 50 MB', `${used.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: rough)'}`, used < 50, `heap held by the session and its ${t.states.length + s.journal().length * 0} steps`);
}

/** A request to a node server script whose process answered 10, then 200 requests before (each is replayed first). */
async function serverMemory() {
  const s = createSession({ headless: true, timeline: false });
  await must(s, 'docker pull -q node');
  await must(s, `mkdir srv && printf 'const http = require("http");\\nlet n = 0;\\nhttp.createServer((req, res) => res.end(String(++n))).listen(3000);\\n' > srv/server.js`);
  await must(s, 'docker run -d --name api -p 3000:3000 -v $PWD/srv:/app -w /app node server.js');
  const cpuAt = (from: number, to: number, cpu: number[]) => cpu.slice(from, to);
  const cpu: number[] = [];
  const wall = await samples(s, 'curl -s localhost:3000/', 220, cpu);
  const [early, late] = [cpuAt(10, 20, cpu), cpuAt(200, 220, cpu)];
  const ratio = median(late) / median(early);
  row('curl to a node server after 200 requests (replayed before each new one)', '< 2× the cost after 10', `CPU ${ms(median(late))} (wall ${spread(wall.slice(200))})`, ratio < 2, `×${ratio.toFixed(2)} the CPU after 10 requests (${ms(median(early))})`);
}

async function main() {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  await historyMemory();
  await stepsAndBranch();
  await serverMemory();
  const { table, labels } = await scaling();
  console.log('\n| metric | goal | measured: median (min–max, n) | met | |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.metric} | ${r.goal} | ${r.measured} | ${r.met === null ? '' : r.met ? 'yes' : 'no'} | ${r.note ?? ''} |`);
  console.log(`\nscaling (median time per command, wall / CPU; heap after the commands)\n\n| containers | ${labels.join(' | ')} | heap |\n|---|${labels.map(() => '---|').join('')}---|`);
  for (const r of table) console.log(`| ${r.n.toLocaleString('en')} | ${labels.map((l) => `${ms(median(r.times[l]))} / ${ms(median(r.cpu[l]))}`).join(' | ')} | ${r.heap.toFixed(0)} MB |`);
}

main();
