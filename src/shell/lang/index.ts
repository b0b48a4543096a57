// The language runtimes' commands as container programs (each found only where its executable is on disk).
import type { Impl } from '../userland/sys';
import { node } from './node';

export const LANG_COMMANDS: Record<string, Impl> = {
  node,
  nodejs: node,
};
