// What the wordpress container answers over HTTP: the install page once its MySQL is reachable, else WordPress' database error page.
import type { Container, EngineState } from '../state';
import { viewNode } from '../storage';
import { containerKeys } from '../container-table';
import { alreadyInstalled, homePage, informationNeeded, installHeader, installStep2 } from './wordpress-install';

/** An HTTP answer (the shape of services.ts' HttpReply, kept here so this file imports nothing of the network). */
export interface WpReply {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** Resolve a name as the wordpress container would (the caller passes dns.ts' resolver). */
export type Resolve = (name: string) => string | null;

/** Running containers by the address of each of their endpoints (on any network), oldest first. */
const runningAt = containerKeys((c) => (c.state.status === 'running' ? [...new Set(Object.values(c.endpoints).map((e) => e.ip))] : []));

/** The oldest running container with an endpoint at `ip`. */
export function runningContainerAt(s: EngineState, ip: string): Container | undefined {
  return runningAt(s).get(ip)?.[0];
}

const envOf = (c: Container, k: string, dflt: string) => c.config.Env.find((e) => e.startsWith(k + '='))?.slice(k.length + 1) ?? dflt;
const READY = /(\/usr\/sbin\/mysqld|mariadbd): ready for connections/;

/** Can WordPress reach its database (WORDPRESS_DB_HOST/USER/PASSWORD/NAME, with the image's defaults)? Why not, for the PHP warning. */
export function wordpressDb(s: EngineState, c: Container, resolve: Resolve): { ok: true; installed: boolean; db: Container; name: string; title: string } | { ok: false; why: string } {
  const [host, port = '3306'] = envOf(c, 'WORDPRESS_DB_HOST', 'mysql').split(':');
  const user = envOf(c, 'WORDPRESS_DB_USER', 'example username');
  const pass = envOf(c, 'WORDPRESS_DB_PASSWORD', 'example password');
  const name = envOf(c, 'WORDPRESS_DB_NAME', 'wordpress');
  const ip = resolve(host);
  if (!ip) return { ok: false, why: `(HY000/2002): php_network_getaddresses: getaddrinfo for ${host} failed: Name or service not known` };
  const db = runningContainerAt(s, ip);
  const up = db && ['mysqld', 'mariadbd'].includes(db.process?.program ?? '') && port === '3306' && db.logs.some((l) => l.time >= db.state.startedAt && l.time <= s.clock && READY.test(l.text));
  if (!db || !up) return { ok: false, why: '(HY000/2002): Connection refused' };
  const file = (p: string) => viewNode(s, db, p, {}, 'exec');
  let users: Record<string, string> = {};
  const acc = file('/var/lib/mysql/mysql.ibd');
  try {
    users = acc?.type === 'file' ? (JSON.parse(acc.content) as Record<string, string>) : {};
  } catch {
    /* unreadable: nobody gets in */
  }
  if (!Object.hasOwn(users, user) || users[user] !== pass) return { ok: false, why: `(HY000/1045): Access denied for user '${user}'@'${(Object.values(c.endpoints).find((e) => e.ip)?.ip ?? '').replace(/\.\d+$/, '.%') || '%'}' (using password: YES)` };
  if (file(`/var/lib/mysql/${name}`)?.type !== 'dir') return { ok: false, why: `(HY000/1049): Unknown database '${name}'` };
  const options = file(`/var/lib/mysql/${name}/wp_options.ibd`);
  let title = '';
  try {
    const t = options?.type === 'file' ? (JSON.parse(options.content) as { rows: unknown[][] }) : null;
    title = String(t?.rows.find((r) => r[1] === 'blogname')?.[2] ?? '');
  } catch {
    /* a table we cannot read: no title */
  }
  return { ok: true, installed: !!options, db, name, title };
}

/** The bridge gateway: where requests through a published port come from. */
function gateway(s: EngineState, c: Container): string {
  const ep = Object.values(c.endpoints).find((e) => e.ip);
  return (ep && s.networks[ep.networkId]?.ipam.config[0]?.Gateway) || '172.17.0.1';
}

const DB_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>Database Error</title>
	<style type="text/css">
		html {
			background: #f1f1f1;
		}
		body {
			background: #fff;
			border: 1px solid #ccd0d4;
			color: #444;
			font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen-Sans, Ubuntu, Cantarell, "Helvetica Neue", sans-serif;
			margin: 2em auto;
			padding: 1em 2em;
			max-width: 700px;
		}
	</style>
</head>
<body id="error-page">
	<div class="wp-die-message"><h1>Error establishing a database connection</h1></div></body>
</html>
`;

function installPage(base: string): string {
  return `${installHeader(base, 'wp-core-ui language-chooser')}
	<form id="setup" method="post" action="?step=1"><label class='screen-reader-text' for='language'>Select a default language</label>
<select size='14' name='language' id='language'>
<option value="" lang="en" selected="selected" data-continue="Continue" data-installed="1">English (United States)</option>
<option value="de_DE" lang="de" data-continue="Weiter">Deutsch</option>
<option value="es_ES" lang="es" data-continue="Continuar">Español</option>
<option value="fr_FR" lang="fr" data-continue="Continuer">Français</option>
<option value="zh_CN" lang="zh" data-continue="继续">简体中文</option>
</select>
<p class="step"><span class="spinner"></span><input id="language-continue" type="submit" class="button button-primary button-large" value="Continue" /></p></form>
<script type="text/javascript">
var t = document.getElementById('weblog_title'); if ( t ){ t.focus(); }
</script>
</body>
</html>
`;
}

/** WordPress behind Apache: `/wp-admin/install.php` shows the installer, every other path redirects there; no database, the error page (500). */
export function wordpressReply(s: EngineState, c: Container, method: string, path: string, hostHeader: string, date: string, resolve: Resolve, form = ''): WpReply {
  const head: [string, string][] = [['Date', date], ['Server', 'Apache/2.4.62 (Debian)'], ['X-Powered-By', 'PHP/8.2.26']];
  const db = wordpressDb(s, c, resolve);
  const body = (status: number, reason: string, text: string, extra: [string, string][] = []): WpReply => ({
    status, reason, headers: [...head, ...extra, ['Content-Length', String(new TextEncoder().encode(text).length)], ['Content-Type', 'text/html; charset=UTF-8']], body: method === 'HEAD' ? '' : text,
  });
  if (!db.ok) {
    const log = `[${new Date(s.clock).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5.000000 $4')}] [php:warn] [pid 30:tid 30] [client ${gateway(s, c)}:51234] PHP Warning:  mysqli_real_connect(): ${db.why} in /var/www/html/wp-includes/class-wpdb.php on line 1988`;
    c.logs.push({ time: s.clock, stream: 'stderr', text: log + '\n' });
    return body(500, 'Internal Server Error', DB_ERROR_PAGE, [['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'], ['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private'], ['Connection', 'close']]);
  }
  const base = `http://${hostHeader}`;
  const [clean, query = ''] = path.split('?');
  const step = /(?:^|&)step=(\d)/.exec(query)?.[1];
  const page = (text: string) => body(200, 'OK', text, [['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'], ['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private'], ['Vary', 'Accept-Encoding']]);
  if (db.installed) {
    // the site exists: its front page; the installer only says so
    if (clean === '/wp-admin/install.php') return page(alreadyInstalled(base));
    if (clean === '/' || clean === '/index.php') return body(200, 'OK', homePage(base, db.title), [['Link', `<${base}/index.php?rest_route=/>; rel="https://api.w.org/"`]]);
    return body(404, 'Not Found', homePage(base, db.title).replace(/<title>[^<]*<\/title>/, `<title>Page not found &#8211; ${db.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`), [['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'], ['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private']]);
  }
  if (clean === '/wp-admin/install.php') {
    // the form posts twice: the language (step=1), then the site's details (step=2), which install it
    if (method === 'POST' && step === '1') return page(informationNeeded(base));
    if (method === 'POST' && step === '2') return page(installStep2(s, db.db, db.name, base, form));
    return page(installPage(base));
  }
  return {
    status: 302, reason: 'Found',
    headers: [...head, ['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'], ['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private'], ['X-Redirect-By', 'WordPress'], ['Location', `${base}/wp-admin/install.php`], ['Content-Length', '0'], ['Content-Type', 'text/html; charset=UTF-8']],
    body: '',
  };
}
