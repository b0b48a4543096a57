// BuildKit's source vertices: `[1/2] FROM …` (pulling a base that is not local) and `[internal] load build context`.
import type { EngineState } from '../state';
import { vertex, type BuildIO, type BuildJob } from './builder';
import { fullRef, isStep, stepPrefix } from './plan';
import { cachePut } from './store';
import { chainIds } from '../image';
import { resolveRemote } from '../registry';
import { parseRef } from '../refs';
import { sha256Hex } from '../ids';

/** BuildKit: the `[1/2] FROM docker.io/library/nginx:latest` vertex (pulling layers when the image is not local). */
export function fromVertex(s: EngineState, job: BuildJob, i: number, copyRef?: string) {
  const p = job.plan!.stages[i];
  if (p.base.kind !== 'image' && !copyRef) return;
  const ref = copyRef ?? (p.base as { ref: string }).ref;
  const res = job.resolved[ref];
  const total = 1 + job.cmds[i].filter(isStep).length;
  // an image named by COPY --from is an implicit stage with no steps: no `[i/N]` prefix
  const name = `${copyRef ? '' : stepPrefix(p.display, 1, total)}FROM ${fullRef(ref)}${res.digest ? '@' + res.digest : ''}`;
  if (!copyRef) job.fromVertex[i] = job.vertices.length;
  if (!copyRef) job.baseSeen[i] = job.basesBefore.includes(res.imageId) && !job.opts.noCache;
  if (!res.digest) {
    vertex(job, name, 10);
  } else {
    const m = resolveRemote(parseRef(ref));
    const statuses = [{ id: `resolve ${fullRef(ref)}@${m.digest}`, start: job.t, end: job.t + 10 }];
    let t = job.t + 10;
    const chains = chainIds(m.layers.map((l) => l.diffId));
    // blobs already in the store are not downloaded again (only resolved)
    const layers = chains.every((c) => s.layers[c]) ? [] : m.layers;
    for (const l of layers) {
      const d = Math.round(l.compressedSize / 25_000);
      statuses.push({ id: l.blobDigest, current: l.compressedSize, total: l.compressedSize, start: job.t + 10, end: job.t + 10 + d } as never);
      t = Math.max(t, job.t + 10 + d);
    }
    for (const l of layers) {
      const d = Math.max(10, Math.round(l.size / 200_000));
      statuses.push({ id: `extracting ${l.blobDigest}`, start: t, end: t + d });
      t += d;
    }
    vertex(job, name, t - job.t, statuses);
    m.layers.forEach((l, k) => {
      if (!s.layers[chains[k]]) s.layers[chains[k]] = { diffId: l.diffId, chainId: chains[k], parent: k ? chains[k - 1] : null, size: l.size, compressedSize: l.compressedSize, files: l.files };
    });
  }
  cachePut(s, 'base:' + res.imageId, { diffId: null, files: null, size: 0, created: job.t, description: `pulled from ${fullRef(ref)}` });
}

/** Context paths the Dockerfile's COPY/ADD sources can reach (BuildKit sends only those); null = everything. */
function includePatterns(job: BuildJob): RegExp[] | null {
  const out: RegExp[] = [];
  for (const i of job.plan!.order) {
    for (const c of job.cmds[i]) {
      if ((c.kind !== 'copy' && c.kind !== 'add') || c.from) continue;
      for (const src of c.sources) {
        const p = src.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
        if (p === '' || p === '.' || p.includes('$') || p.includes('..')) return null;
        const re = p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
        out.push(new RegExp(`^/${re}(/|$)`));
      }
    }
  }
  return out;
}

/** BuildKit `[internal] load build context`: only files the build uses, and only new or changed ones, are sent. */
export function contextVertex(s: EngineState, job: BuildJob, io: BuildIO) {
  const key = 'context:' + job.opts.contextKey;
  const prev = s.buildCache[key]?.context ?? {};
  const include = includePatterns(job);
  const now: Record<string, string> = { ...prev };
  let bytes = 0;
  for (const [p, n] of Object.entries(io.context ?? {})) {
    if (n.type !== 'file' || (include && !include.some((re) => re.test(p)))) continue;
    const h = `${n.mode.toString(8)}:${sha256Hex(n.content)}`;
    if (prev[p] !== h) bytes += n.size ?? new TextEncoder().encode(n.content).length;
    now[p] = h;
  }
  const dur = 10 + Math.round(bytes / 50_000);
  vertex(job, '[internal] load build context', dur, [{ id: 'transferring context:', current: bytes || 2, start: job.t, end: job.t + dur }]);
  s.buildCache[key] = { diffId: null, files: null, size: 0, created: job.t, lastUsed: job.t, usageCount: 1, description: 'local source for context', context: now };
}

/** `# syntax=` at the top of the Dockerfile (buildkit parser.DetectSyntax), or null. */
export function detectSyntax(dockerfile: string): string | null {
  for (const line of dockerfile.split('\n')) {
    const m = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(line);
    if (!m) return null;
    if (m[1].toLowerCase() === 'syntax') return m[2];
  }
  return null;
}

/** `# syntax=docker/dockerfile:1`: BuildKit resolves and pulls that frontend image before it reads the Dockerfile. */
export function frontendVertices(s: EngineState, job: BuildJob, syntax: string) {
  let ref: string;
  try {
    ref = fullRef(syntax);
  } catch {
    ref = syntax;
  }
  const digest = 'sha256:' + sha256Hex('frontend ' + ref);
  const v = vertex(job, `resolve image config for docker-image://${ref}`, 900);
  job.vertices.push({ name: `[auth] ${ref.replace(/^docker\.io\//, '').replace(/:.*$/, '')}:pull token for registry-1.docker.io`, start: v.start + 300, end: v.start + 310, cached: false, statuses: [], logs: [] });
  const key = 'frontend:' + ref;
  const name = `docker-image://${ref}@${digest}`;
  if (s.buildCache[key]) {
    vertex(job, name, 0).cached = true;
    return;
  }
  const blob = 'sha256:' + sha256Hex('frontend blob ' + ref);
  const t = job.t;
  vertex(job, name, 700, [
    { id: `resolve ${ref}@${digest}`, start: t, end: t + 10 },
    { id: blob, current: 12_514_232, total: 12_514_232, start: t + 10, end: t + 510 },
    { id: `extracting ${blob}`, start: t + 510, end: t + 700 },
  ]);
  cachePut(s, key, { diffId: null, files: null, size: 12_514_232, created: t, description: `pulled from ${ref}` });
}
