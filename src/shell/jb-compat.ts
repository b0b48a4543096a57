// What our shell code needs from just-bash beyond its browser bundle's exports (Bash, InMemoryFs, defineCommand …).
// The browser build only exports a few names, so helpers that the node bundle also exports are written here once.
import { Bash } from 'just-bash';
import { BASH_BASE } from './bash-options';

/** Command stdin arrives as a latin1-packed byte string; decode it as UTF-8 (invalid UTF-8 stays as is). */
export function decodeBytesToUtf8(b: unknown): string {
  const s = typeof b === 'string' ? b : String(b ?? '');
  if (!/[\u0080-\u00ff]/.test(s)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

let parser: Bash | null = null;

/** Parse a script to just-bash's AST without running it (the browser bundle has no `parse` export). */
export function parseScript(text: string): ReturnType<Bash['transform']>['ast'] {
  parser ??= new Bash({ ...BASH_BASE });
  return parser.transform(text).ast;
}
