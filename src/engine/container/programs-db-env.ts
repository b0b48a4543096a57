// The environment a database program was started with (its entrypoint reads its password variables).
import type { ProgramContext } from './program';

/** The value of an environment variable the container was started with ('' when unset). */
export const envOf = (ctx: ProgramContext, name: string): string =>
  (ctx.env ?? []).find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';
