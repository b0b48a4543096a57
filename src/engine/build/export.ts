// The end of a build: the final image (BuildKit "exporting to image", classic "Successfully built"), tags, FROM cache marks.
import { dict } from '../dict';
import type { EngineState } from '../state';
import type { BuildJob } from './builder';
import { vertex } from './builder';
import { fillHistoryTimes, putImage } from './store';
import { parseRef } from '../refs';
import { shortId } from '../ids';

/** Tag the result: a tag that moves leaves its old image dangling (`<none>`), as in moby's reference store. */
function tagAll(s: EngineState, job: BuildJob, id: string) {
  for (const t of job.opts.tags) s.tags[parseRef(t).fullTagged] = id;
}

/** A FROM is CACHED when its stage had to run something and the builder had loaded that base before. */
export function markFroms(job: BuildJob) {
  for (const i of job.plan?.order ?? []) {
    const v = job.fromVertex[i];
    if (v !== undefined) job.vertices[v].cached = job.miss[i] && job.baseSeen[i];
  }
}

export function exportImage(s: EngineState, job: BuildJob) {
  const order = job.plan!.order;
  const final = job.stages[order[order.length - 1]];
  const labels = job.opts.labels;
  if (job.classic) {
    let id = final.imageId;
    if (Object.keys(labels).length) {
      const img = s.images[id];
      id = putImage(s, { config: { ...img.config, Labels: dict(img.config.Labels, labels) }, diffIds: img.diffIds, history: img.history, created: img.created, author: img.author, parent: img.parent });
    }
    const declared = new Set(job.consumedArgs);
    const unused = Object.keys(job.opts.buildArgs).filter((k) => !declared.has(k) && !/^(HTTPS?_PROXY|FTP_PROXY|NO_PROXY|ALL_PROXY)$/i.test(k));
    if (unused.length) job.out += `[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`;
    job.out += `Successfully built ${shortId(id)}\n`;
    for (const t of job.opts.tags) job.out += `Successfully tagged ${parseRef(t).familiarTagged}\n`;
    tagAll(s, job, id);
    job.imageId = id;
    return;
  }
  markFroms(job);
  const history = final.history.map((h) => ({ ...h }));
  fillHistoryTimes(history);
  const created = history.length ? history[history.length - 1].created : job.t;
  const config = { ...final.config, Labels: Object.keys(labels).length ? { ...(final.config.Labels ?? {}), ...labels } : final.config.Labels };
  const id = putImage(s, { config, diffIds: final.diffIds, history, created, author: final.author, parent: '' });
  const newLayers = order.some((i) => job.miss[i]);
  const t0 = job.t;
  const layers = newLayers ? 100 : 0;
  const statuses = [
    { id: 'exporting layers', start: t0, end: t0 + layers },
    { id: `writing image ${id}`, start: t0 + layers, end: t0 + layers + 5 },
    ...job.opts.tags.map((t) => ({ id: `naming to ${parseRef(t).fullTagged}`, start: t0 + layers + 5, end: t0 + layers + 5 })),
  ];
  vertex(job, 'exporting to image', layers + 5, statuses);
  tagAll(s, job, id);
  job.imageId = id;
}
