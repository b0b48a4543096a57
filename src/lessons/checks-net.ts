// Goal checks added for the net lessons (merged into CHECKS by checks.ts).
import type { EngineState } from '../engine/index';

type Check = { args: string; doc: string; fn: (s: EngineState, args: string[]) => boolean };

export const CHECKS_NET: Record<string, Check> = {};
