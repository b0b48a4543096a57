// The language runtimes' commands as container programs (each found only where its executable is on disk).
import type { Impl } from '../userland/sys';
import { node } from './node';
import { flask, python } from './python';
import { npm, npx } from './npm';
import { pip } from './pip';
import { OTHER_LANGS } from './others';
import { apache2, php } from './php';

export const LANG_COMMANDS: Record<string, Impl> = {
  ...OTHER_LANGS,
  php,
  apache2,
  node,
  nodejs: node,
  npm,
  'npm-cli.js': npm,
  npx: npx,
  'npx-cli.js': npx,
  pip,
  flask,
  pip3: pip,
  python3: python,
  python: python,
  'python3.13': python,
  'python3.12': python,
};
