// Images from Dockerfiles (engine entry for build/): the parser, instruction semantics, the builder and its cache, docker commit.
export * as builder from './builder';
export type { BuildFailure, BuildIO, BuildJob, BuildStatus, PendingRun, Vertex } from './builder';
export * as cache from './cache';
export * as commit from './commit';
export type { CommitOptions } from './commit';
export type { RunOutput } from './exec';
export type { LintWarning } from './instructions';
export type { BuildOptions } from './plan';
