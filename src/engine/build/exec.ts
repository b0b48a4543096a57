// Build steps that touch the filesystem: RUN (via the runtime), COPY/ADD, WORKDIR, and the classic builder's per-step commits.
import { touch } from '../indexes';
import type { EngineState, FileTable } from '../state';
import type { Instruction } from './instructions';
import type { BuildIO, BuildJob } from './job';
import { fail, vertex } from './job';
import { DockerfileError } from './dockerfile';
import { copyFiles, DEFAULT_SHELL, goQuoteList, runArgs, stageEnv, workdirPath, type StageState } from './steps';
import { addLayer, cacheGet, cachePut, childWithKey, ensureLayer, putImage } from './store';
import { stageByName, stepPrefix } from './plan';
import { displayExpand, processWord } from './shell-lex';
import { imageStack, chainIds, pull } from '../image';
import { findImage } from '../lookup';
import { resolveRemote } from '../registry';
import { parseRef } from '../refs';
import { isDockerError } from '../errors';
import { lookup, realPath, tableSize } from '../layers';
import { randomHex, randomId, randomInt, sha256Hex, shortId } from '../ids';
import { containers } from '../container';
import { containerById } from '../container-table';

export interface RunOutput {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  exitCode: number;
  elapsed: number;
  upper: FileTable;
}

type Cmd<K extends Instruction['kind']> = Instruction & { kind: K };

/** The well-known diff ID of an empty layer tar (a RUN that changed nothing, BuildKit). */
export const EMPTY_LAYER = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
const COMMENT = 'buildkit.dockerfile.v0';

const key = (parent: string, ...parts: string[]) => 'sha256:' + sha256Hex([parent, ...parts].join('\n'));

function stackOf(s: EngineState, diffIds: string[]): FileTable[] {
  return chainIds(diffIds)
    .reverse()
    .map((c) => s.layers[c]?.files ?? {});
}

/** BuildKit's step name: `[2/3] RUN echo hi` (keyword upper-cased, set variables expanded). */
function stepName(job: BuildJob, st: StageState, c: Instruction): string {
  st.cmdIndex++;
  const text = displayExpand(c.code, stageEnv(st));
  const sp = text.search(/\s/);
  const up = sp < 0 ? text.toUpperCase() : text.slice(0, sp).toUpperCase() + text.slice(sp);
  return stepPrefix(job.plan!.stages[st.index].display, st.cmdIndex, st.cmdTotal) + up;
}

/**
 * Classic builder: commit the step as an intermediate image (or reuse a cached child). `runContainer`: the RUN's
 * container; false for COPY/ADD, which write the layer without a container (no `Running in` line).
 */
export function classicCommit(s: EngineState, job: BuildJob, st: StageState, createdBy: string, files: FileTable | null, runContainer?: string | false) {
  const bkey = key(st.imageId, createdBy, JSON.stringify(st.config));
  const cached = job.opts.noCache || runContainer ? undefined : childWithKey(s, st.imageId, bkey);
  if (cached) {
    job.out += ' ---> Using cache\n';
  } else {
    const cid = runContainer || randomId(s.rng);
    if (runContainer === undefined) job.out += ` ---> Running in ${shortId(cid)}\n`;
    job.t += 200;
    const empty = !files || Object.keys(files).length === 0;
    const diffIds = empty ? st.diffIds : [...st.diffIds, addLayer(s, st.diffIds, files!)];
    const history = [...st.history, { created: job.t, createdBy, emptyLayer: empty, comment: '' }];
    const id = putImage(s, { config: { ...st.config, Image: st.imageId }, diffIds, history, created: job.t, author: st.author, parent: st.imageId, buildKey: bkey });
    if (runContainer !== false) job.out += ` ---> Removed intermediate container ${shortId(cid)}\n`;
    st.imageId = id;
    st.diffIds = diffIds;
    st.history = history;
    job.out += ` ---> ${shortId(id)}\n`;
    return;
  }
  st.imageId = cached.id;
  st.diffIds = [...cached.diffIds];
  st.history = cached.history.map((h) => ({ ...h }));
  job.out += ` ---> ${shortId(cached.id)}\n`;
}

/** RUN: a cache hit reuses the layer; otherwise the runtime must run it (job.pending). */
export function runCommand(s: EngineState, job: BuildJob, st: StageState, c: Cmd<'run'>) {
  const shell = st.config.Shell ?? DEFAULT_SHELL;
  let script = c.cmd.join(' ');
  const h = c.heredocs[0];
  if (h && c.prependShell && /^<<-?["']?\w+["']?$/.test(script.trim())) script = h.content;
  else if (h) script += '\n' + c.heredocs.map((d) => d.content + d.name).join('\n');
  const argv = c.prependShell ? [...shell, script] : [...c.cmd];
  const args = runArgs(st);
  const shown = (args.length ? `|${args.length} ${args.join(' ')} ` : '') + argv.join(' ');
  const env = [...st.config.Env, ...args.filter((a) => !st.config.Env.some((e) => e.split('=')[0] === a.split('=')[0]))];
  const k = key(st.key, 'run', JSON.stringify({ argv, env, wd: st.config.WorkingDir, user: st.config.User }));
  let v = -1;
  let container = '';
  if (job.classic) {
    const bkey = key(st.imageId, shown, JSON.stringify(st.config));
    const hit = job.opts.noCache ? undefined : childWithKey(s, st.imageId, bkey);
    if (hit) {
      job.out += ' ---> Using cache\n';
      st.imageId = hit.id;
      st.diffIds = [...hit.diffIds];
      st.history = hit.history.map((x) => ({ ...x }));
      job.out += ` ---> ${shortId(hit.id)}\n`;
      return;
    }
    container = st.imageId ? containers.create(s, { image: st.imageId, cmd: argv, entrypoint: [''] }).id : randomId(s.rng);
    job.out += ` ---> Running in ${shortId(container)}\n`;
  } else {
    const name = stepName(job, st, c);
    const rec = job.opts.noCache ? undefined : cacheGet(s, k, job.t);
    if (rec) {
      const vx = vertex(job, name, 0);
      vx.cached = true;
      ensureLayer(s, st.diffIds, rec);
      if (rec.diffId) st.diffIds.push(rec.diffId);
      st.history.push({ created: rec.created, createdBy: `RUN ${shown} # buildkit`, emptyLayer: false, comment: COMMENT });
      st.key = k;
      return;
    }
    job.miss[st.index] = true;
    vertex(job, name, 0);
    v = job.vertices.length - 1;
  }
  job.pending = { diffIds: [...st.diffIds], env, workdir: st.config.WorkingDir || '/', user: st.config.User, hostname: job.classic ? shortId(container) : 'buildkitsandbox', argv, startedAt: job.t + 40, stage: st.index, key: k, vertex: v, container, line: c.line, endLine: c.endLine };
}

/** `bash: foo: command not found` as the image's /bin/sh says it (dash, busybox ash, bash). */
function shellMessage(s: EngineState, diffIds: string[], text: string): string {
  const stack = stackOf(s, diffIds);
  const real = realPath(stack, '/bin/sh');
  const node = lookup(stack, real);
  const what = `${real} ${node?.type === 'file' ? node.content.split('\n')[0] : ''}`;
  return text.replace(/^bash: (.+?): command not found$/gm, (_, cmd: string) =>
    /dash/.test(what) ? `/bin/sh: 1: ${cmd}: not found` : /busybox/.test(what) ? `/bin/sh: ${cmd}: not found` : `/bin/sh: line 1: ${cmd}: command not found`,
  );
}

/** The runtime ran the pending RUN: record its output and commit its layer (or fail the build). */
export function finishRun(s: EngineState, job: BuildJob, r: RunOutput) {
  const p = job.pending!;
  job.pending = null;
  const st = job.stages[p.stage];
  const runText = p.argv.join(' ');
  const args = runArgs(st);
  const shown = (args.length ? `|${args.length} ${args.join(' ')} ` : '') + runText;
  if (job.classic) {
    job.out += shellMessage(s, p.diffIds, r.output.map((o) => o.text).join(''));
    job.t = p.startedAt + r.elapsed + 100;
    const c = containerById(s, p.container);
    touch(p.container);
    if (r.exitCode !== 0) {
      if (c) {
        c.upper = r.upper;
        c.state = { ...c.state, status: 'exited', exitCode: r.exitCode, startedAt: p.startedAt, finishedAt: p.startedAt + r.elapsed };
        for (const o of r.output) c.logs.push({ time: p.startedAt + o.offset, stream: o.stream, text: o.text });
      }
      return fail(job, `The command '${runText}' returned a non-zero code: ${r.exitCode}`, undefined, undefined, r.exitCode);
    }
    if (c) containers.remove(s, p.container, true);
    return classicCommit(s, job, st, shown, r.upper, p.container);
  }
  const v = job.vertices[p.vertex];
  let partial = false;
  for (const o of r.output) {
    const t = p.startedAt - v.start + o.offset;
    const parts = shellMessage(s, p.diffIds, o.text).split('\n');
    parts.forEach((line, i) => {
      if (i === parts.length - 1 && line === '') return;
      if (i === 0 && partial) v.logs[v.logs.length - 1].text += line;
      else v.logs.push({ t, text: line });
    });
    partial = !o.text.endsWith('\n');
  }
  v.end = p.startedAt + r.elapsed + 60;
  job.t = v.end;
  if (r.exitCode !== 0) {
    v.error = `process ${JSON.stringify(runText)} did not complete successfully: exit code: ${r.exitCode}`;
    return fail(job, v.error, p.line, p.endLine);
  }
  const diffId = Object.keys(r.upper).length ? addLayer(s, st.diffIds, r.upper) : addLayer(s, st.diffIds, {}, EMPTY_LAYER);
  cachePut(s, p.key, { diffId, files: r.upper, size: tableSize(r.upper), created: v.end, description: `mount / from exec ${runText}` });
  st.diffIds.push(diffId);
  st.history.push({ created: v.end, createdBy: `RUN ${shown} # buildkit`, emptyLayer: false, comment: COMMENT });
  st.key = p.key;
}

/** WORKDIR: set the working directory and create it when missing (a layer in BuildKit). */
export function workdirCommand(s: EngineState, job: BuildJob, st: StageState, c: Cmd<'workdir'>) {
  const path = workdirPath(st.config, processWord(c.value, stageEnv(st), job.escape));
  const name = job.classic ? '' : stepName(job, st, c);
  st.config.WorkingDir = path;
  const missing = !lookup(stackOf(s, st.diffIds), path);
  const files: FileTable = {};
  if (missing) {
    let q = '';
    for (const part of path.split('/').filter(Boolean)) {
      q += '/' + part;
      if (!lookup(stackOf(s, st.diffIds), q)) files[q] = { type: 'dir', mode: 0o755, mtime: job.t };
    }
  }
  if (job.classic) return classicCommit(s, job, st, `/bin/sh -c #(nop) WORKDIR ${path}`, missing ? files : null);
  const k = key(st.key, 'workdir', path);
  const rec = job.opts.noCache ? undefined : cacheGet(s, k, job.t);
  const v = vertex(job, name, rec ? 0 : 30);
  v.cached = !!rec;
  if (!rec) job.miss[st.index] = true;
  const diffId = rec ? rec.diffId : missing ? addLayer(s, st.diffIds, files) : null;
  if (rec) ensureLayer(s, st.diffIds, rec);
  else cachePut(s, k, { diffId, files: missing ? files : null, size: 0, created: v.end, description: `mkfile ${path}` });
  if (diffId) st.diffIds.push(diffId);
  st.history.push({ created: diffId ? (rec?.created ?? v.end) : -1, createdBy: `WORKDIR ${path}`, emptyLayer: !diffId, comment: COMMENT });
  st.key = k;
}

/** COPY/ADD from the build context, an earlier stage (--from=name|index) or an image (--from=ref). */
export function copyCommand(s: EngineState, job: BuildJob, st: StageState, c: Cmd<'copy' | 'add'>, io: BuildIO) {
  const env = stageEnv(st);
  const w = (x: string) => processWord(x, env, job.escape);
  const name = job.classic ? '' : stepName(job, st, c);
  let srcStack: FileTable[];
  let archives: Record<string, FileTable> | undefined;
  const inline: FileTable = {};
  const from = c.from ? w(c.from) : '';
  if (from) {
    const si = stageByName(job.plan!.stages.map((p) => p.stage), from);
    if (si >= 0 && job.stages[si]) srcStack = stackOf(s, job.stages[si].diffIds);
    else {
      const res = job.resolved[from];
      let img = res && s.images[res.imageId] ? s.images[res.imageId] : findImage(s, from);
      if (!img && job.classic) {
        try {
          pull(s, from);
          img = findImage(s, from);
        } catch (e) {
          if (!isDockerError(e)) throw e;
          return fail(job, `invalid from flag value ${from}: ${e.message}`);
        }
      }
      if (img) srcStack = imageStack(s, img);
      else if (res) srcStack = stackOf(s, resolveRemote(parseRef(from)).layers.map((l) => l.diffId));
      else return fail(job, `${from}: failed to resolve source metadata`, c.line, c.endLine);
    }
  } else {
    srcStack = [io.context ?? {}];
    archives = io.archives;
  }
  const sources = c.sources.map(w);
  for (const h of c.heredocs) {
    inline['/' + h.name] = { type: 'file', mode: 0o644, mtime: job.t, content: h.content };
    const i = sources.indexOf('<<' + h.name);
    if (i >= 0) sources[i] = h.name;
  }
  if (c.heredocs.length) srcStack = [inline, ...srcStack];
  let res;
  try {
    res = copyFiles(stackOf(s, st.diffIds), st.config, sources, w(c.dest), { stack: srcStack, archives }, { add: c.kind === 'add', chmod: c.chmod, mtime: job.t });
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    if (job.classic) {
      const missing = e.message.replace(/^"\/?|": not found$/g, '');
      return fail(job, `${c.kind.toUpperCase()} failed: file not found in build context or excluded by .dockerignore: stat ${missing}: file does not exist`);
    }
    const v = vertex(job, name, 10);
    const ref = `${uuid(s)}::${Array.from({ length: 25 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[randomInt(s.rng, 36)]).join('')}`;
    v.error = `failed to calculate checksum of ref ${ref}: ${e.message}`;
    return fail(job, `failed to compute cache key: ${v.error}`, c.line, c.endLine);
  }
  if (job.classic) {
    const chown = c.chown ? `--chown=${c.chown}` : '';
    return classicCommit(s, job, st, `/bin/sh -c #(nop) ${c.kind.toUpperCase()} ${chown}${res.kind}:${res.checksum} in ${w(c.dest)} `, res.upper, false);
  }
  const k = key(st.key, c.kind, res.checksum, w(c.dest), st.config.WorkingDir, c.chown, c.chmod);
  const rec = job.opts.noCache ? undefined : cacheGet(s, k, job.t);
  const bytes = tableSize(res.upper);
  const v = vertex(job, name, rec ? 0 : 40 + Math.round(bytes / 100_000));
  v.cached = !!rec;
  if (!rec) job.miss[st.index] = true;
  const diffId = rec?.diffId ?? addLayer(s, st.diffIds, res.upper);
  if (rec) ensureLayer(s, st.diffIds, rec);
  else cachePut(s, k, { diffId, files: res.upper, size: bytes, created: v.end, description: `${c.kind} ${sources.join(' ')}` });
  st.diffIds.push(diffId);
  const text = `${c.kind.toUpperCase()} ${sources.join(' ')} ${w(c.dest)} # buildkit`;
  st.history.push({ created: rec?.created ?? v.end, createdBy: text, emptyLayer: false, comment: COMMENT });
  st.key = k;
}

/** A random UUID v4 from the seeded generator (BuildKit session/ref names). */
function uuid(s: EngineState): string {
  const h = randomHex(s.rng, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export { goQuoteList };
