// A build job as plain data (what the CLI keeps between steps): its progress vertices, the pending RUN, the failure.
import type { FileTable } from '../state';
import type { Instruction, LintWarning } from './instructions';
import type { BuildOptions, Plan } from './plan';
import type { StageState } from './steps';

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

export type Item = { kind: 'fromv'; stage: number; ref?: string } | { kind: 'context' } | { kind: 'init'; stage: number } | { kind: 'cmd'; stage: number; i: number } | { kind: 'meta-arg'; i: number } | { kind: 'export' };

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
