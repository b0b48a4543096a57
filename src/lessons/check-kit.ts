// What every goal check is made of: its declaration (arguments, en/zh descriptions, predicate) and the lookups
// the checks share (a container by name, an image by reference, a file in a container, a byte size as docker reads it).
import type { Container, EngineState, Image } from '../engine/index';
import { lookup, lowerStack, parseRef, allContainers, containerById, hasContainer } from '../engine/index';
import { parseBytes } from '../cli/opts/bytes';
import type { Target } from './target';

/** What a check may need besides the state: the lesson's or exercise's target picture (`target-met`). */
export interface CheckContext {
  target?: Target;
}

/** One check of the vocabulary: `args` names its words (`NAME [CODE]`, a last TEXT takes the rest), `doc` / `zh` say what it means. */
export interface Check {
  args: string;
  doc: string;
  /** The description in Chinese (the teacher page; English is shown when missing). */
  zh?: string;
  fn: (s: EngineState, args: string[], ctx: CheckContext) => boolean;
  /** Only meaningful with a target picture: not offered as a goal of its own (a target adds it). */
  needsTarget?: boolean;
}

export const byName = (s: EngineState, name: string): Container | undefined => allContainers(s).find((c) => c.name === name);
/** The daemon stores `container:NAME` as `container:<full id>`; goals name the container. */
export const netModeNamed = (s: EngineState, mode: string | undefined): string | undefined => {
  if (!mode?.startsWith('container:')) return mode;
  const id = mode.slice('container:'.length);
  return hasContainer(s, id) ? `container:${containerById(s, id)!.name}` : mode;
};

export const running = (c: Container | undefined) => c?.state.status === 'running';

/** The image ID a reference names locally, or undefined (a bad reference names nothing). */
export function imageId(s: EngineState, ref: string): string | undefined {
  try {
    return s.tags[parseRef(ref).fullTagged];
  } catch {
    return undefined;
  }
}

export function image(s: EngineState, ref: string): Image | undefined {
  const id = imageId(s, ref);
  return id ? s.images[id] : undefined;
}

/** A file in a container's filesystem (upper over image layers), optionally containing some text. */
export function fileIn(s: EngineState, c: Container | undefined, path: string, needle?: string): boolean {
  if (!c) return false;
  const n = lookup([c.upper, ...lowerStack(s, c)], path);
  return !!n && (needle === undefined || (n.type === 'file' && n.content.includes(needle)));
}

/** A size in bytes as `docker run -m` reads it (`1.5g`, `200M`, `512k`), NaN when it is not one (no limit equals it). */
export const bytes = (v: string): number => parseBytes(v) ?? NaN;
