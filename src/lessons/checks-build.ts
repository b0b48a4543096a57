// Goal checks added for the build lessons (merged into CHECKS by checks.ts).
import type { EngineState } from '../engine/index';

type Check = { args: string; doc: string; fn: (s: EngineState, args: string[]) => boolean };

export const CHECKS_BUILD: Record<string, Check> = {};
