// wordpress's apache2-foreground as a simulated program: the entrypoint copies WordPress into /var/www/html, then Apache with PHP serves it.
import type { Program, ProgramContext } from './program';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };
const err = (delay: number, ...texts: string[]): Line[] => texts.map((text) => ({ delay, stream: 'stderr', text: text + '\n' }));

const HTML = '/var/www/html';
const wpVars = (ctx: ProgramContext) => (ctx.env ?? []).map((e) => e.split('=')[0]).filter((k) => k.startsWith('WORDPRESS_')).sort();

function apacheTime(iso: string): string {
  const d = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, '0')} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000 ${d.getUTCFullYear()}`;
}

export const APACHE2_FOREGROUND: Program = {
  startLogs: (_a, ctx) => {
    const read = ctx.read ?? (() => null);
    const copy = read(`${HTML}/index.php`) === null && read(`${HTML}/wp-includes/version.php`) === null;
    const vars = wpVars(ctx);
    const config = read(`${HTML}/wp-config.php`) === null && vars.length > 0;
    const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ctx.ip ?? '172.17.0.2'}. Set the 'ServerName' directive globally to suppress this message`;
    const t = apacheTime(ctx.time);
    return [
      ...(copy ? err(0, `WordPress not found in ${HTML} - copying now...`, `Complete! WordPress has been successfully copied to ${HTML}`) : []),
      ...(config ? err(0, `No 'wp-config.php' found in ${HTML}, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (${vars.join(' ')})`) : []),
      ...err(100, fqdn, fqdn, `[${t}] [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.62 (Debian) PHP/8.2.26 configured -- resuming normal operations`, `[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`),
    ];
  },
  startFiles: (read, _a, ctx) => {
    const copy = read(`${HTML}/index.php`) === null;
    const files = copy
      ? [
          { path: `${HTML}/index.php`, content: "<?php\n/**\n * Front to the WordPress application.\n */\ndefine( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n" },
          { path: `${HTML}/wp-admin`, dir: true }, { path: `${HTML}/wp-admin/install.php`, content: "<?php\n/**\n * WordPress Installer\n */\n" },
          { path: `${HTML}/wp-includes`, dir: true }, { path: `${HTML}/wp-includes/version.php`, content: "<?php\n$wp_version = '6.7.1';\n" },
          { path: `${HTML}/wp-content`, dir: true }, { path: `${HTML}/wp-content/themes`, dir: true }, { path: `${HTML}/wp-content/plugins`, dir: true },
          { path: `${HTML}/wp-config-docker.php`, content: "<?php\n// (abridged) DB_NAME, DB_USER, DB_PASSWORD and DB_HOST from the WORDPRESS_DB_* variables\n" },
          { path: `${HTML}/.htaccess`, content: '# BEGIN WordPress\n\nRewriteEngine On\nRewriteBase /\nRewriteRule ^index\\.php$ - [L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule . /index.php [L]\n\n# END WordPress\n' },
        ]
      : [];
    const config = read(`${HTML}/wp-config.php`) === null && wpVars(ctx).length > 0;
    return [...files, ...(config ? [{ path: `${HTML}/wp-config.php`, content: "<?php\n// copied from wp-config-docker.php: the settings come from the WORDPRESS_* variables\ndefine( 'DB_NAME', getenv_docker('WORDPRESS_DB_NAME', 'wordpress') );\n" }] : [])];
  },
  runsFor: () => null,
  exitCode: 0,
  // apache's graceful stop is SIGWINCH (the image's STOPSIGNAL)
  onSignal: (sig) => (['SIGWINCH', 'SIGTERM', 'SIGINT'].includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 128 + ({ SIGHUP: 1, SIGQUIT: 3, SIGUSR1: 10 } as Record<string, number>)[sig]),
};
