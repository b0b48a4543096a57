// The packet's dot: where it is along its path some time into its run, and when each packet's run began, so a fresh
// model of the same packet (the worker posts one for every view request) lets the dot go on instead of starting over.
export type Point = [number, number];

const lengths = (path: Point[]) => path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1]));

/** How long the dot takes over `path` (ms): longer paths take longer, from 0.4 to 1.6 s. */
export function runTime(path: Point[]): number {
  return Math.min(1600, 400 + lengths(path).reduce((a, b) => a + b, 0) * 1.2);
}

/** The dot's place `elapsed` ms into its run: along the path at an even speed, at its end once the run is over. */
export function dotAt(path: Point[], elapsed: number): Point {
  const end = path[path.length - 1];
  const segs = lengths(path);
  const total = segs.reduce((a, b) => a + b, 0);
  const ms = runTime(path);
  if (!segs.length || !total || elapsed >= ms) return end;
  let d = (Math.max(0, elapsed) / ms) * total;
  let i = 0;
  while (i < segs.length - 1 && d > segs[i]) d -= segs[i++];
  const f = segs[i] ? Math.min(1, d / segs[i]) : 1;
  return [path[i][0] + (path[i + 1][0] - path[i][0]) * f, path[i][1] + (path[i + 1][1] - path[i][1]) * f];
}

/** When the run of the packet shown began: the same packet keeps its start, another (or the first after none) starts
 *  now. */
export class DotClock {
  private id: number | null = null;
  private t0 = 0;
  start(id: number, now: number): number {
    if (id !== this.id) {
      this.id = id;
      this.t0 = now;
    }
    return this.t0;
  }
  /** No packet shown: the next one starts its run afresh. */
  clear(): void {
    this.id = null;
  }
}
