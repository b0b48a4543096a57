// yes (coreutils, busybox): its line, again and again. The output is made in one piece, as much as a pipe's reader
// could want (a million lines, at most 16 MiB); the real program goes on until its reader closes the pipe.
import type { Impl } from './sys';

const LINES = 1_000_000;
const MAX_BYTES = 16 << 20;

export const yes: Impl = async (args) => {
  const line = (args.length ? args.join(' ') : 'y') + '\n';
  return { stdout: line.repeat(Math.max(1, Math.min(LINES, Math.floor(MAX_BYTES / line.length)))), stderr: '', exitCode: 0 };
};
