// WordPress' installer after the language step: the "Information needed" form, its checks, the "Success!" page and the tables it creates.
import type { Container, EngineState } from '../state';
import { makeServerDir, writeServerFile } from '../server-files';

/** The fields of an application/x-www-form-urlencoded body (curl -d). */
export function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const dec = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    out[dec(eq < 0 ? pair : pair.slice(0, eq))] = eq < 0 ? '' : dec(pair.slice(eq + 1));
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

export function installHeader(base: string, bodyClass = 'wp-core-ui'): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta name="viewport" content="width=device-width" />
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="robots" content="noindex,nofollow" />
	<title>WordPress &rsaquo; Installation</title>
	<link rel='stylesheet' id='dashicons-css' href='${base}/wp-includes/css/dashicons.min.css?ver=6.7.1' type='text/css' media='all' />
	<link rel='stylesheet' id='buttons-css' href='${base}/wp-includes/css/buttons.min.css?ver=6.7.1' type='text/css' media='all' />
	<link rel='stylesheet' id='forms-css' href='${base}/wp-admin/css/forms.min.css?ver=6.7.1' type='text/css' media='all' />
	<link rel='stylesheet' id='install-css' href='${base}/wp-admin/css/install.min.css?ver=6.7.1' type='text/css' media='all' />
</head>
<body class="${bodyClass}">
<p id="logo">WordPress</p>
`;
}

const FOOTER = `<script type="text/javascript">
var t = document.getElementById('weblog_title'); if ( t ){ t.focus(); }
</script>
</body>
</html>
`;

/** install.php's display_setup_form(): the fields, filled with what was posted, and the error above them. */
function setupForm(base: string, f: Record<string, string>, error: string | null): string {
  const intro = error
    ? `<h1>Welcome</h1>\n<p class="message">${error}</p>\n`
    : `<h1>Welcome</h1>
<p>Welcome to the famous five-minute WordPress installation process! Just fill in the information below and you&#8217;ll be on your way to using the most extendable and powerful personal publishing platform in the world.</p>

<h2>Information needed</h2>
<p>Please provide the following information. Do not worry, you can always change these settings later.</p>
`;
  return `${installHeader(base)}${intro}
<form id="setup" method="post" action="install.php?step=2" novalidate="novalidate">
	<table class="form-table" role="presentation">
		<tr>
			<th scope="row"><label for="weblog_title">Site Title</label></th>
			<td><input name="weblog_title" type="text" id="weblog_title" size="25" value="${esc(f.weblog_title ?? '')}" /></td>
		</tr>
		<tr>
			<th scope="row"><label for="user_login">Username</label></th>
			<td>
				<input name="user_name" type="text" id="user_login" size="25" aria-describedby="user-name-desc" value="${esc(f.user_name ?? '')}" />
				<p id="user-name-desc">Usernames can have only alphanumeric characters, spaces, underscores, hyphens, periods, and the @ symbol.</p>
			</td>
		</tr>
		<tr class="form-field form-required user-pass1-wrap">
			<th scope="row"><label for="pass1">Password</label></th>
			<td>
				<div class="wp-pwd">
					<input type="password" name="admin_password" id="pass1" class="regular-text" autocomplete="new-password" spellcheck="false" data-reveal="1" data-pw="" aria-describedby="pass-strength-result admin-password-desc" />
				</div>
				<p id="admin-password-desc"><span class="description important"><strong>Important:</strong> You will need this password to log&nbsp;in. Please store it in a secure location.</span></p>
			</td>
		</tr>
		<tr class="form-field form-required user-pass2-wrap hide-if-js">
			<th scope="row"><label for="pass2">Repeat Password <span class="description">(required)</span></label></th>
			<td><input type="password" name="admin_password2" id="pass2" autocomplete="new-password" spellcheck="false" /></td>
		</tr>
		<tr>
			<th scope="row"><label for="admin_email">Your Email</label></th>
			<td><input name="admin_email" type="email" id="admin_email" size="25" aria-describedby="admin-email-desc" value="${esc(f.admin_email ?? '')}" />
			<p id="admin-email-desc">Double-check your email address before continuing.</p></td>
		</tr>
		<tr>
			<th scope="row">Search engine visibility</th>
			<td>
				<fieldset>
					<legend class="screen-reader-text"><span>Search engine visibility</span></legend>
					<label for="blog_public"><input name="blog_public" type="checkbox" id="blog_public" value="0" /> Discourage search engines from indexing this site</label>
					<p class="description">It is up to search engines to honor this request.</p>
				</fieldset>
			</td>
		</tr>
	</table>
	<p class="step"><input type="submit" name="Submit" id="submit" class="button button-large" value="Install WordPress"  /></p>
	<input type="hidden" name="language" value="${esc(f.language ?? '')}" />
</form>
${FOOTER}`;
}

/** step=1 (after the language chooser): the form, empty. */
export const informationNeeded = (base: string) => setupForm(base, {}, null);

/** install.php's checks of step 2, in its order and words. */
function problem(f: Record<string, string>): string | null {
  const user = (f.user_name ?? '').trim();
  if (!user) return 'Please provide a valid username.';
  if (!/^[A-Za-z0-9 _.\-@]+$/.test(user)) return 'The username you provided has invalid characters.';
  if ((f.admin_password ?? '') !== (f.admin_password2 ?? f.admin_password ?? '')) return 'Your passwords do not match. Please try again.';
  const email = (f.admin_email ?? '').trim();
  if (!email) return 'You must provide an email address.';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return 'Sorry, that is not a valid email address. Email addresses look like <code>username@example.com</code>.';
  return null;
}

/** A seeded stand-in for what WordPress derives from a string (phpass hashes, generated passwords). */
function derive(seed: string, n: number, abc = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; i < n; i++) {
    for (const ch of seed + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += abc[h % abc.length];
  }
  return out;
}

type Col = [name: string, type: string, extra?: 'pk'];
const table = (cols: Col[], rows: (string | number)[][]) =>
  JSON.stringify({
    columns: cols.map(([name, type, extra]) => ({ name, type, notNull: true, primary: extra === 'pk', autoIncrement: extra === 'pk', default: undefined, unique: false })),
    rows,
    autoInc: rows.length + 1,
  });

/** What wp_install() leaves in the database: the twelve tables, the options, the admin account, the first post and page. */
function writeTables(s: EngineState, db: Container, name: string, base: string, f: Record<string, string>, password: string) {
  const dir = `/var/lib/mysql/${name}`;
  makeServerDir(s, db, dir);
  const now = new Date(s.clock).toISOString().slice(0, 19).replace('T', ' ');
  const user = f.user_name.trim();
  const put = (t: string, text: string) => writeServerFile(s, db, `${dir}/${t}.ibd`, text, 0o640);
  const options: [string, string][] = [['siteurl', base], ['home', base], ['blogname', f.weblog_title ?? ''], ['blogdescription', ''], ['users_can_register', '0'], ['admin_email', f.admin_email.trim()], ['blog_public', f.blog_public === '0' ? '0' : '1'], ['template', 'twentytwentyfive'], ['stylesheet', 'twentytwentyfive'], ['db_version', '58975']];
  put('wp_options', table([['option_id', 'bigint unsigned', 'pk'], ['option_name', 'varchar(191)'], ['option_value', 'longtext'], ['autoload', 'varchar(20)']], options.map(([k, v], i) => [i + 1, k, v, 'on'])));
  put('wp_users', table([['ID', 'bigint unsigned', 'pk'], ['user_login', 'varchar(60)'], ['user_pass', 'varchar(255)'], ['user_nicename', 'varchar(50)'], ['user_email', 'varchar(100)'], ['user_url', 'varchar(100)'], ['user_registered', 'datetime'], ['user_activation_key', 'varchar(255)'], ['user_status', 'int'], ['display_name', 'varchar(250)']],
    [[1, user, `$P$B${derive(password + user, 31)}`, user.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'), f.admin_email.trim(), base, now, '', 0, user]]));
  put('wp_posts', table([['ID', 'bigint unsigned', 'pk'], ['post_author', 'bigint unsigned'], ['post_date', 'datetime'], ['post_title', 'text'], ['post_status', 'varchar(20)'], ['post_name', 'varchar(200)'], ['post_type', 'varchar(20)']],
    [[1, 1, now, 'Hello world!', 'publish', 'hello-world', 'post'], [2, 1, now, 'Sample Page', 'publish', 'sample-page', 'page'], [3, 1, now, 'Privacy Policy', 'draft', 'privacy-policy', 'page']]));
  for (const t of ['wp_commentmeta', 'wp_comments', 'wp_links', 'wp_postmeta', 'wp_term_relationships', 'wp_term_taxonomy', 'wp_termmeta', 'wp_terms', 'wp_usermeta']) put(t, table([['id', 'bigint unsigned', 'pk']], []));
}

/** step=2: install (the success page) or the form again with install.php's complaint. */
export function installStep2(s: EngineState, db: Container, name: string, base: string, body: string): string {
  const f = formFields(body);
  const why = problem(f);
  if (why) return setupForm(base, f, why);
  const chosen = f.admin_password ?? '';
  const password = chosen || derive(body, 24, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()');
  writeTables(s, db, name, base, f, password);
  const pw = chosen ? '<p><em>Your chosen password.</em></p>' : `<p><code>${esc(password)}</code><br />Note that password carefully! It is a <em>random</em> password that was generated just for you.</p>`;
  return `${installHeader(base)}<h1>Success!</h1>

<p>WordPress has been installed. Thank you, and enjoy!</p>

<table class="form-table install-success">
	<tr>
		<th>Username</th>
		<td>${esc(f.user_name.trim())}</td>
	</tr>
	<tr>
		<th>Password</th>
		<td>
					${pw}
				</td>
	</tr>
</table>

<p class="step"><a href="${base}/wp-login.php" class="button button-large">Log In</a></p>

${FOOTER}`;
}

/** install.php once the tables exist. */
export const alreadyInstalled = (base: string) =>
  `${installHeader(base)}<h1>Already Installed</h1><p>You appear to have already installed WordPress. To reinstall please clear your old database tables first.</p><p class="step"><a href="${base}/wp-login.php">Log In</a></p></body></html>\n`;

/** The front page of an installed site (Twenty Twenty-Five): its title and the first post. */
export function homePage(base: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='max-image-preview:large' />
	<title>${esc(title)}</title>
<link rel="alternate" type="application/rss+xml" title="${esc(title)} &raquo; Feed" href="${base}/?feed=rss2" />
</head>
<body class="home blog wp-embed-responsive">
<div class="wp-site-blocks"><header class="wp-block-template-part">
<p class="wp-block-site-title"><a href="${base}" target="_self" rel="home" aria-current="page">${esc(title)}</a></p>
</header>
<main class="wp-block-group">
<h2 class="wp-block-post-title"><a href="${base}/?p=1" target="_self" >Hello world!</a></h2>
<div class="entry-content wp-block-post-content"><p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p></div>
</main>
<footer class="wp-block-template-part"><p class="has-text-align-center">Designed with <a href="https://wordpress.org" rel="nofollow">WordPress</a></p></footer></div>
</body>
</html>
`;
}
