// The image builder: a build job (plain data) advanced step by step; RUN steps are handed to the runtime and resumed.
import { dict } from '../dict';
import { clone } from '../clone';
import type { EngineState, FileTable } from '../state';
import { DockerfileError } from './dockerfile';
import { parseInstructions, type Instruction, type LintWarning } from './instructions';
import { planBuild, fullRef, isStep, stageByName, type BuildOptions, type Plan } from './plan';
import { processWord } from './shell-lex';
import { applyMeta, emptyConfig, stageEnv, type StageState } from './steps';
import { pull } from '../image';
import { findImage } from '../lookup';
import { resolveRemote } from '../registry';
import { parseRef } from '../refs';
import { isDockerError } from '../errors';
import { shortId } from '../ids';
import { runCommand, finishRun, copyCommand, workdirCommand, classicCommit, type RunOutput } from './exec';
import { exportImage, markFroms } from './export';
import { contextVertex, detectSyntax, fromVertex, frontendVertices } from './sources';

export interface BuildStatus {
  id: string;
  current?: number;
  total?: number;
  start: number;
  end: number;
}

/** A BuildKit progress vertex (what `docker build` shows as ` => …` / `#n …`). Times are simulated ms. */
export interface Vertex {
  name: string;
  start: number;
  end: number;
  cached: boolean;
  error?: string;
  statuses: BuildStatus[];
  logs: { t: number; text: string }[];
}

export interface BuildFailure {
  /** BuildKit: the text after `ERROR: failed to solve: `; classic: the whole error line. */
  message: string;
  /** Dockerfile lines the error points at (BuildKit prints an excerpt). */
  line?: number;
  endLine?: number;
  exitCode: number;
  /** Classic builder: an API error, printed as `Error response from daemon: …`. */
  api?: boolean;
}

/** A RUN the runtime must execute: layers (lowest first), environment, and the command. */
export interface PendingRun {
  diffIds: string[];
  env: string[];
  workdir: string;
  user: string;
  hostname: string;
  argv: string[];
  startedAt: number;
  stage: number;
  key: string;
  vertex: number;
  container: string;
  line: number;
  endLine: number;
}

type Item = { kind: 'fromv'; stage: number; ref?: string } | { kind: 'context' } | { kind: 'init'; stage: number } | { kind: 'cmd'; stage: number; i: number } | { kind: 'meta-arg'; i: number } | { kind: 'export' };

export interface BuildJob {
  classic: boolean;
  escape: string;
  source: string;
  dockerfileName: string;
  opts: Omit<BuildOptions, 'context' | 'archives' | 'dockerfile'>;
  warnings: LintWarning[];
  parserWarnings: string[];
  plan: Plan | null;
  /** Resolved base images by reference: a local image ID, or a registry manifest (digest). */
  resolved: Record<string, { imageId: string; digest?: string }>;
  stages: Record<number, StageState>;
  cmds: Record<number, Instruction[]>;
  queue: Item[];
  qi: number;
  /** The job's clock (ms). */
  t: number;
  vertices: Vertex[];
  /** Classic builder: the output stream so far. */
  out: string;
  pending: PendingRun | null;
  error: BuildFailure | null;
  imageId: string;
  fromVertex: Record<number, number>;
  baseSeen: Record<number, boolean>;
  miss: Record<number, boolean>;
  step: number;
  steps: number;
  consumedArgs: string[];
  /** ARGs before the first FROM (classic builder prints them as steps). */
  metaArgs: { code: string; keys: string[] }[];
  /** ONBUILD triggers run at the start of a stage (classic: no Step line). */
  triggers: Record<number, number>;
  /** Base images the builder had already loaded when this build started (their FROM can show CACHED). */
  basesBefore: string[];
}

/** The context the client sent (kept by the client between steps, not in the job). */
export interface BuildIO {
  context: FileTable | null;
  archives?: Record<string, FileTable>;
}

export const vertex = (job: BuildJob, name: string, dur = 0, statuses: BuildStatus[] = []): Vertex => {
  const v: Vertex = { name, start: job.t, end: job.t + dur, cached: false, statuses, logs: [] };
  job.vertices.push(v);
  job.t += dur;
  return v;
};

export function fail(job: BuildJob, message: string, line?: number, endLine?: number, exitCode = 1, api = false) {
  job.error = { message, line, endLine: endLine ?? line, exitCode, api };
}

/** POST /build: parse and plan, then run until the first RUN that must execute (or the end). */
export function startBuild(s: EngineState, o: BuildOptions): BuildJob {
  const { context: _c, archives: _a, dockerfile, ...opts } = o;
  const job: BuildJob = {
    classic: o.classic, escape: '\\', source: dockerfile, dockerfileName: o.dockerfileName, opts, warnings: [], parserWarnings: [], plan: null,
    resolved: dict(), stages: dict(), cmds: dict(), queue: [], qi: 0, t: s.clock, vertices: [], out: '', pending: null, error: null, imageId: '',
    fromVertex: dict(), baseSeen: dict(), miss: dict(), step: 0, steps: 0, consumedArgs: [], metaArgs: [], triggers: dict(),
    basesBefore: Object.keys(s.buildCache).filter((k) => k.startsWith('base:')).map((k) => k.slice(5)),
  };
  if (!o.classic) vertex(job, `[internal] load build definition from ${o.dockerfileName}`, 20, [{ id: 'transferring dockerfile:', current: new TextEncoder().encode(dockerfile).length, start: s.clock, end: s.clock + 10 }]);
  const syntax = o.classic ? null : detectSyntax(dockerfile);
  if (syntax) frontendVertices(s, job, syntax);
  try {
    const df = parseInstructions(dockerfile);
    job.escape = df.escapeToken;
    job.warnings = df.warnings;
    job.parserWarnings = df.parserWarnings;
    job.plan = planBuild(df, o);
    job.metaArgs = df.metaArgs.map((a) => ({ code: a.code, keys: a.args.map((x) => x.key) }));
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    let msg = e.message;
    if (o.classic && msg === 'the Dockerfile cannot be empty') msg = `the Dockerfile (${o.dockerfileName}) cannot be empty`;
    else if (o.classic && e.phase === 'parse') msg = `failed to parse Dockerfile: ${msg}`;
    fail(job, msg, e.line, e.endLine, 1, true);
    return job;
  }
  const plan = job.plan;
  for (const i of plan.order) job.cmds[i] = plan.stages[i].stage.commands.map((c) => ({ ...c }));
  if (o.classic) {
    for (const w of job.parserWarnings) job.out += `[WARNING]: ${w}\n`;
    if (job.parserWarnings.length) job.out += '[WARNING]: Empty continuation lines will become errors in a future release.\n';
    job.steps = plan.order.reduce((n, i) => n + 1 + plan.stages[i].stage.commands.length, 0) + job.metaArgs.length;
    job.queue = job.metaArgs.map((_, i) => ({ kind: 'meta-arg' as const, i }));
    for (const i of plan.order) job.queue.push({ kind: 'init', stage: i }, ...job.cmds[i].map((_, k) => ({ kind: 'cmd' as const, stage: i, i: k })));
    job.queue.push({ kind: 'export' });
    return advance(s, job, o);
  }
  // BuildKit: resolve every base image first (load metadata), then .dockerignore, the FROMs, the context, the steps
  const refs: { ref: string; line: number; copy?: number }[] = [];
  for (const i of plan.order) {
    const b = plan.stages[i].base;
    if (b.kind === 'image' && !refs.some((r) => r.ref === b.ref)) refs.push({ ref: b.ref, line: plan.stages[i].stage.line });
    for (const c of job.cmds[i]) {
      if ((c.kind !== 'copy' && c.kind !== 'add') || !c.from) continue;
      const from = processWord(c.from, plan.metaEnv, job.escape);
      if (stageByName(plan.stages.map((x) => x.stage), from) < 0 && !refs.some((r) => r.ref === from)) refs.push({ ref: from, line: c.line, copy: i });
    }
  }
  const metaStart = job.t;
  for (const { ref, line } of refs) {
    const full = fullRef(ref);
    const local = o.pull ? undefined : findImage(s, ref);
    if (local) {
      job.resolved[ref] = { imageId: local.id };
      vertex(job, `[internal] load metadata for ${full}`, 10);
      continue;
    }
    try {
      const m = resolveRemote(parseRef(ref));
      job.resolved[ref] = { imageId: m.imageId, digest: m.digest };
      const v = vertex(job, `[internal] load metadata for ${full}`, 1200);
      job.vertices.push({ name: `[auth] ${parseRef(ref).path}:pull token for registry-1.docker.io`, start: v.start + 300, end: v.start + 310, cached: false, statuses: [], logs: [] });
    } catch (e) {
      if (!isDockerError(e)) throw e;
      const v = vertex(job, `[internal] load metadata for ${full}`, 800);
      const reason = /manifest unknown/.test(e.message) ? `${full}: not found` : 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
      v.error = `failed to resolve source metadata for ${full}: ${reason}`;
      fail(job, `${ref}: ${v.error}`, line);
      return job;
    }
  }
  job.t = Math.max(metaStart, ...job.vertices.map((v) => v.end));
  for (const i of plan.order) {
    const b = plan.stages[i].base;
    if (b.kind !== 'image') continue;
    const id = job.resolved[b.ref].imageId;
    const img = s.images[id];
    const onbuild = (img ? img.config.OnBuild : resolveRemote(parseRef(b.ref)).config.OnBuild) ?? [];
    if (onbuild.length && !injectTriggers(job, i, onbuild, null)) return job;
  }
  vertex(job, '[internal] load .dockerignore', 10, [{ id: 'transferring context:', current: o.dockerignore ?? 2, start: job.t, end: job.t }]);
  const needsContext = plan.order.some((i) => job.cmds[i].some((c) => (c.kind === 'copy' || c.kind === 'add') && !c.from));
  for (const i of plan.order) if (plan.stages[i].base.kind === 'image') job.queue.push({ kind: 'fromv', stage: i });
  for (const r of refs) if (r.copy !== undefined) job.queue.push({ kind: 'fromv', stage: r.copy, ref: r.ref });
  if (needsContext) job.queue.push({ kind: 'context' });
  for (const i of plan.order) job.queue.push({ kind: 'init', stage: i }, ...job.cmds[i].map((_, k) => ({ kind: 'cmd' as const, stage: i, i: k })));
  job.queue.push({ kind: 'export' });
  return advance(s, job, o);
}

/** Resume a job after its pending RUN ran (or just continue it). */
export function continueBuild(s: EngineState, job0: BuildJob, io: BuildIO, run?: RunOutput): BuildJob {
  const job: BuildJob = clone(job0);
  if (run && job.pending) {
    finishRun(s, job, run);
    if (job.error) return job;
    job.qi++;
  }
  return advance(s, job, io);
}

function advance(s: EngineState, job: BuildJob, io: BuildIO): BuildJob {
  while (!job.error && !job.pending && job.qi < job.queue.length) {
    const item = job.queue[job.qi];
    processItem(s, job, item, io);
    s.clock = Math.max(s.clock, job.t);
    if (!job.pending) job.qi++;
  }
  s.clock = Math.max(s.clock, job.t);
  if (job.error && !job.classic) markFroms(job);
  return job;
}

function processItem(s: EngineState, job: BuildJob, item: Item, io: BuildIO) {
  switch (item.kind) {
    case 'meta-arg':
      job.out += `Step ${++job.step}/${job.steps} : ${job.metaArgs[item.i].code}\n`;
      job.consumedArgs.push(...job.metaArgs[item.i].keys);
      return;
    case 'fromv':
      return fromVertex(s, job, item.stage, item.ref);
    case 'context':
      return contextVertex(s, job, io);
    case 'init':
      return initStage(s, job, item.stage);
    case 'cmd': {
      const st = job.stages[item.stage];
      const c = job.cmds[item.stage][item.i];
      if (job.classic && item.i >= (job.triggers[item.stage] ?? 0)) job.out += `Step ${++job.step}/${job.steps} : ${c.code}\n`;
      if (c.kind === 'run') return runCommand(s, job, st, c);
      if (c.kind === 'copy' || c.kind === 'add') return copyCommand(s, job, st, c, io);
      if (c.kind === 'workdir') return workdirCommand(s, job, st, c);
      const env = stageEnv(st);
      let texts: [string, string] | null;
      try {
        texts = applyMeta(st, c, env, job.escape, job.opts.buildArgs, job.plan!.metaEnv);
      } catch (e) {
        if (!(e instanceof DockerfileError)) throw e;
        return fail(job, e.message, c.line, c.endLine);
      }
      if (c.kind === 'arg') job.consumedArgs.push(...c.args.map((a) => a.key));
      if (!texts) return;
      if (job.classic) return classicCommit(s, job, st, `/bin/sh -c #(nop)  ${texts[1]}`, null);
      st.history.push({ created: -1, createdBy: texts[0], emptyLayer: true, comment: 'buildkit.dockerfile.v0' });
      return;
    }
    case 'export':
      return exportImage(s, job);
  }
}

/** ONBUILD triggers of a base image run first in the stage that uses it; `at`: where the queue gets them. */
function injectTriggers(job: BuildJob, i: number, triggers: string[], at: number | null): boolean {
  let extra: Instruction[];
  try {
    extra = parseInstructions(`FROM scratch\n${triggers.join('\n')}\n`).stages[0].commands;
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    fail(job, e.message, job.plan!.stages[i].stage.line);
    return false;
  }
  job.cmds[i].unshift(...extra);
  job.triggers[i] = extra.length;
  if (at === null) return true;
  job.queue.splice(at, 0, ...extra.map(() => ({ kind: 'cmd' as const, stage: i, i: 0 })));
  for (let k = at, n = 0; k < job.queue.length; k++) {
    const q = job.queue[k];
    if (q.kind === 'cmd' && q.stage === i) q.i = n++;
  }
  return true;
}

/** Start a stage: its base image (or earlier stage, or scratch), ONBUILD triggers, step numbering. */
function initStage(s: EngineState, job: BuildJob, i: number) {
  const p = job.plan!.stages[i];
  const b = p.base;
  let st: StageState;
  const fresh = { index: i, args: dict<string | undefined>(), argOrder: [], cmdSet: false, cmdIndex: 0, cmdTotal: 0, author: '' };
  if (job.classic) job.out += `Step ${++job.step}/${job.steps} : ${p.stage.code}\n`;
  if (b.kind === 'stage') {
    const parent = job.stages[b.index];
    st = { ...clone(parent), ...fresh };
  } else if (b.kind === 'scratch') {
    st = { ...fresh, config: emptyConfig(job.classic), diffIds: [], history: [], imageId: '', key: 'scratch' };
  } else {
    let img = job.resolved[b.ref] ? s.images[job.resolved[b.ref].imageId] : job.opts.pull ? undefined : findImage(s, b.ref);
    if (!img && job.classic) {
      try {
        const rep = pull(s, b.ref);
        job.out += `${rep.tag}: Pulling from ${rep.repository}\n`;
        for (const l of rep.layers) job.out += l.status === 'Pull complete' ? `${l.id}: Pull complete \n` : `${l.id}: Already exists\n`;
        job.out += `Digest: ${rep.digest}\nStatus: ${rep.upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${rep.familiar}\n`;
        img = findImage(s, b.ref);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        return fail(job, e.message, p.stage.line);
      }
    }
    let base;
    if (img) base = { config: img.config, diffIds: img.diffIds, history: img.history, id: img.id };
    else {
      const m = resolveRemote(parseRef(b.ref));
      base = { config: m.config, diffIds: m.layers.map((l) => l.diffId), history: m.history, id: m.imageId };
    }
    st = { ...fresh, config: clone(base.config), diffIds: [...base.diffIds], history: base.history.map((h) => ({ ...h })), imageId: base.id, key: 'img:' + base.id };
  }
  if (job.classic) job.out += ` ---> ${shortId(st.imageId)}\n`;
  const triggers = st.config.OnBuild ?? [];
  if (triggers.length && job.triggers[i] === undefined) {
    if (job.classic) job.out += `# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`;
    if (!injectTriggers(job, i, triggers, job.qi + 1)) return;
  }
  st.config.OnBuild = null;
  st.cmdTotal = (b.kind === 'image' ? 1 : 0) + job.cmds[i].filter(isStep).length;
  st.cmdIndex = b.kind === 'image' ? 1 : 0;
  job.stages[i] = st;
  job.miss[i] = false;
}
