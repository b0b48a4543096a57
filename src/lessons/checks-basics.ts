// Goal checks added for the basics lessons (merged into CHECKS by checks.ts).
import type { EngineState } from '../engine/index';
import { lookup, lowerStack, parseRef } from '../engine/index';

type Check = { args: string; doc: string; fn: (s: EngineState, args: string[]) => boolean };

const imageId = (s: EngineState, ref: string): string | undefined => {
  try {
    return s.tags[parseRef(ref).fullTagged];
  } catch {
    return undefined;
  }
};

export const CHECKS_BASICS: Record<string, Check> = {
  'same-image': { args: 'REF1 REF2', doc: 'both names exist and point at the same image ID', fn: (s, [a, b]) => {
    const x = imageId(s, a);
    return !!x && x === imageId(s, b);
  } },
  'container-health': { args: 'NAME STATUS', doc: 'the container runs with a healthcheck whose status is STATUS (starting, healthy or unhealthy)', fn: (s, [n, st]) => {
    const c = Object.values(s.containers).find((x) => x.name === n);
    return c?.state.status === 'running' && c.health?.status === st;
  } },
  'container-lacks-file': { args: 'NAME PATH', doc: "the container exists and PATH is not in its filesystem", fn: (s, [n, p]) => {
    const c = Object.values(s.containers).find((x) => x.name === n);
    return !!c && !lookup([c.upper, ...lowerStack(s, c)], p);
  } },
};
