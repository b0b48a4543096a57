// Which stages a build runs and in what order: targets, stage references, meta ARGs and base image names (dockerfile2llb rules).
import { dict } from '../dict';
import type { FileTable } from '../state';
import { DockerfileError } from './dockerfile';
import type { Dockerfile, Instruction, Stage } from './instructions';
import { processWord, type Env } from './shell-lex';
import { parseRef } from '../refs';

/** What the client sends to start a build. */
export interface BuildOptions {
  dockerfile: string;
  /** The Dockerfile's name as shown (`Dockerfile`, `app.Dockerfile`). */
  dockerfileName: string;
  /** Context files rooted at `/`; null when there is no context (`docker build - < Dockerfile`). */
  context: FileTable | null;
  /** Context files that are tar archives (ADD extracts them), already decoded. */
  archives?: Record<string, FileTable>;
  /** Size of .dockerignore in bytes, null when there is none. */
  dockerignore: number | null;
  buildArgs: Record<string, string>;
  target: string;
  noCache: boolean;
  pull: boolean;
  /** Image references to tag the result with, as typed. */
  tags: string[];
  /** --label KEY=VALUE. */
  labels: Record<string, string>;
  /** DOCKER_BUILDKIT=0: the legacy builder. */
  classic: boolean;
  /** Identifies the context directory across builds (BuildKit sends only changed files). */
  contextKey: string;
}

export type BaseRef = { kind: 'scratch' } | { kind: 'stage'; index: number } | { kind: 'image'; ref: string };

export interface PlannedStage {
  index: number;
  stage: Stage;
  /** Prefix in progress names: '' (single unnamed stage), the stage name, or `stage-N`. */
  display: string;
  base: BaseRef;
  /** Stages this one needs first (FROM <stage>, COPY --from=<stage>). */
  deps: number[];
}

export interface Plan {
  stages: PlannedStage[];
  /** Stage indexes to build, in order; the last one is the target. */
  order: number[];
  /** Values of the ARGs declared before the first FROM. */
  metaEnv: Env;
}

/** BuildKit's automatic platform ARGs (amd64 Linux daemon). */
export const PLATFORM_ARGS: Env = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
};

/** Find a stage by `--from`/FROM name (names are matched lower-case) or numeric index. */
export function stageByName(stages: Stage[], name: string): number {
  const lower = name.toLowerCase();
  const i = stages.findIndex((s) => s.name !== '' && s.name === lower);
  if (i >= 0) return i;
  if (/^\d+$/.test(name) && parseInt(name, 10) < stages.length) return parseInt(name, 10);
  return -1;
}

/** Resolve stages, the target and the build order; throws buildkit's (or the classic builder's) errors. */
export function planBuild(df: Dockerfile, opts: Pick<BuildOptions, 'buildArgs' | 'target' | 'classic'>): Plan {
  if (df.stages.length === 0) throw new DockerfileError('dockerfile contains no stages to build');
  const metaEnv: Env = opts.classic ? dict() : dict(PLATFORM_ARGS);
  for (const a of df.metaArgs) {
    for (const kv of a.args) {
      if (Object.hasOwn(opts.buildArgs, kv.key)) metaEnv[kv.key] = opts.buildArgs[kv.key];
      else if (kv.value !== undefined) metaEnv[kv.key] = processWord(kv.value, metaEnv, df.escapeToken);
    }
  }
  const multi = df.stages.length > 1;
  const stages: PlannedStage[] = df.stages.map((stage, index) => {
    const display = stage.name || (multi ? `stage-${index}` : '');
    return { index, stage, display, base: { kind: 'scratch' }, deps: [] };
  });
  for (const p of stages) {
    const name = processWord(p.stage.baseName, metaEnv, df.escapeToken);
    if (name === '') throw new DockerfileError(`base name (${p.stage.baseName}) should not be blank`, p.stage.line, p.stage.line);
    const si = stageByName(df.stages.slice(0, p.index), name);
    if (si >= 0 && !/^\d+$/.test(name)) {
      p.base = { kind: 'stage', index: si };
      p.deps.push(si);
    } else if (name.toLowerCase() === 'scratch') p.base = { kind: 'scratch' };
    else {
      try {
        parseRef(name);
      } catch (e) {
        throw new DockerfileError(`failed to parse stage name ${JSON.stringify(name)}: ${(e as Error).message}`, p.stage.line, p.stage.line);
      }
      p.base = { kind: 'image', ref: name };
    }
    for (const c of p.stage.commands) {
      if ((c.kind !== 'copy' && c.kind !== 'add') || c.kind === 'add' || !c.from) continue;
      const from = processWord(c.from, metaEnv, df.escapeToken);
      const si2 = stageByName(df.stages, from);
      if (si2 < 0) continue;
      if (si2 >= p.index) {
        if (opts.classic) continue;
        throw new DockerfileError(`cannot copy from stage ${JSON.stringify(from)}, it needs to be defined before current stage ${JSON.stringify(p.stage.name || `stage-${p.index}`)}`, c.line, c.endLine);
      }
      if (!p.deps.includes(si2)) p.deps.push(si2);
    }
  }
  let target = df.stages.length - 1;
  if (opts.target) {
    target = stageByName(df.stages, opts.target);
    if (target < 0 || /^\d+$/.test(opts.target)) {
      throw new DockerfileError(opts.classic ? `failed to reach build target ${opts.target} in Dockerfile` : `target stage ${JSON.stringify(opts.target)} could not be found`);
    }
  }
  let order: number[];
  if (opts.classic) order = Array.from({ length: target + 1 }, (_, i) => i);
  else {
    const need = new Set<number>();
    const visit = (i: number) => {
      if (need.has(i)) return;
      need.add(i);
      for (const d of stages[i].deps) visit(d);
    };
    visit(target);
    order = [...need].sort((a, b) => a - b);
  }
  return { stages, order, metaEnv };
}

/** Instructions that are progress steps in BuildKit (and count toward `[i/N]`). */
export const isStep = (c: Instruction) => c.kind === 'run' || c.kind === 'copy' || c.kind === 'add' || c.kind === 'workdir';

/** `[build 2/4] ` — dockerfile2llb prefixCommand (index right-aligned to the width of the total). */
export function stepPrefix(display: string, i: number, total: number): string {
  const w = String(total).length;
  return `[${display ? display + ' ' : ''}${String(i).padStart(w)}/${total}] `;
}

/** Normalised reference as BuildKit names it: `docker.io/library/nginx:latest`. */
export function fullRef(ref: string): string {
  const r = parseRef(ref);
  return r.digest ? `${r.fullName}@${r.digest}` : r.fullTagged;
}
