// What the picture's tests share: finding nodes, boxes that overlap, what moved between two models, and a build run with
// a stand-in runtime (the seed's isolation layout is the engine's test-support).
import type { BuildOptions, Engine, FileTable } from '../engine/index';
import type { VNode, ViewModel } from './view-types';

export const byId = (m: ViewModel) => new Map(m.nodes.map((n) => [n.id, n]));
export const node = (m: ViewModel, label: string, kind?: VNode['kind']) => m.nodes.find((n) => n.label === label && (!kind || n.kind === kind))!;
export const id = (e: Engine, name: string) => e.container.get(name).id;
export const net = (e: Engine, name: string) => e.network.get(name).id;

/** Boxes that overlap another (a joined container inside its namespace's box, boxes in a compose frame and the ghosts of
 *  removed ones do not count). */
export function overlapping(m: ViewModel): string[] {
  const boxes = m.nodes.filter((n) => !['lane', 'host', 'project', 'netns'].includes(n.kind) && !n.cls?.includes('joined') && n.mark !== 'removed');
  return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => !(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y)).map((b) => `${a.id} overlaps ${b.id}`));
}

/** The IDs of nodes drawn in both models whose place differs (a ghost keeps its old place, so it never counts). */
export function movedBetween(a: ViewModel, b: ViewModel): string[] {
  const was = new Map(a.nodes.map((n) => [n.id, `${n.x},${n.y}`]));
  return b.nodes.filter((n) => was.has(n.id) && was.get(n.id) !== `${n.x},${n.y}`).map((n) => n.id);
}

const ranFile = (path: string): FileTable => ({ [path]: { type: 'file', mode: 0o644, mtime: 1, content: 'x' } });

/** Builds `dockerfile` with a runtime stand-in: every RUN writes /ran, or /ran0, /ran1 … with `distinct`. */
export function build(e: Engine, dockerfile: string, tag: string, distinct = false): void {
  const o: BuildOptions = { dockerfile, dockerfileName: 'Dockerfile', context: {}, dockerignore: null, buildArgs: {}, target: '', noCache: false, pull: false, tags: [tag], labels: {}, classic: false, contextKey: '/root/app' };
  let n = 0;
  let job = e.build.start(o);
  while (job.pending) job = e.build.continue(job, { context: o.context, archives: o.archives }, { output: [], exitCode: 0, elapsed: 0, upper: ranFile(distinct ? `/ran${n++}` : '/ran') });
}
