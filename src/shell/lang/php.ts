// `php` and the apache variant's `apache2` as container commands: what they do (php-cli.ts, php-apache.ts) and the
// interpreter (php-main.ts) load on first use, so the simulator's first load does not grow with PHP.
import type { Impl } from '../userland/sys';

export const php: Impl = async (args, ctx, sys) => (await import('./php-cli')).php(args, ctx, sys);
export const apache2: Impl = async (args, ctx, sys) => (await import('./php-apache')).apache2(args, ctx, sys);
