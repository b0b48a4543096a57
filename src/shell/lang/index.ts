// The language runtimes' commands as container programs (each found only where its executable is on disk). Each is a
// chunk loaded when it first runs (lazyImpl): the worker starts without them. A new language follows the same pattern.
import { lazyImpl, type Impl } from '../userland/sys';
import { OTHER_LANGS } from './others';

const node = lazyImpl(() => import('./node'), 'node');
const python = lazyImpl(() => import('./python'), 'python');
const npm = lazyImpl(() => import('./npm'), 'npm');
const npx = lazyImpl(() => import('./npm'), 'npx');
const pip = lazyImpl(() => import('./pip'), 'pip');
const php = lazyImpl(() => import('./php-cli'), 'php');
const apache2 = lazyImpl(() => import('./php-apache'), 'apache2');
const ruby = lazyImpl(() => import('./ruby'), 'ruby');
const irb = lazyImpl(() => import('./ruby'), 'irb');
const gem = lazyImpl(() => import('./gem'), 'gem');
const bundle = lazyImpl(() => import('./gem'), 'bundle');

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
  flask: lazyImpl(() => import('./python'), 'flask'),
  pip3: pip,
  python3: python,
  python: python,
  'python3.13': python,
  'python3.12': python,
  ruby,
  irb,
  gem,
  bundle,
  bundler: bundle,
};
