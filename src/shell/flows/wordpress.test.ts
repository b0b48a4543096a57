// wordpress as learners run it: without a database the real error page and PHP warning; with mysql on one network, the installer through -p.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('wordpress', () => {
  it('without a reachable database: "Error establishing a database connection" (500) and the PHP warning in the logs', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q wordpress');
    expect((await s.run('docker image inspect -f "{{.Config.Cmd}} {{.Config.WorkingDir}} {{.Config.StopSignal}} {{json .Config.Volumes}}" wordpress')).stdout).toBe('[apache2-foreground] /var/www/html SIGWINCH {"/var/www/html":{}}\n');
    await s.run('docker run -d --name wp -p 8080:80 wordpress');
    const r = await s.run('curl -s -w "%{http_code}\\n" localhost:8080');
    expect(r.stdout).toContain('<title>Database Error</title>');
    expect(r.stdout).toContain('<h1>Error establishing a database connection</h1>');
    expect(r.stdout.endsWith('</html>\n500\n')).toBe(true);
    const logs = await s.run('docker logs wp');
    expect(logs.stderr).toMatch(/^WordPress not found in \/var\/www\/html - copying now\.\.\.\nComplete! WordPress has been successfully copied to \/var\/www\/html\nAH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172\.17\.0\.2\./);
    expect(logs.stderr).toContain('PHP Warning:  mysqli_real_connect(): (HY000/2002): php_network_getaddresses: getaddrinfo for mysql failed: Name or service not known in /var/www/html/wp-includes/class-wpdb.php on line 1988\n');
    expect(logs.stdout).toMatch(/^172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 500 \d+ "-" "curl\/8\.5\.0"\n$/);
  });

  it('with mysql on one user network: a redirect to wp-admin/install.php, and curl -L gives the install page', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q wordpress');
    await s.run('docker pull -q mysql');
    await s.run('docker network create blog');
    await s.run('docker run -d --name db --network blog -e MYSQL_ROOT_PASSWORD=root -e MYSQL_DATABASE=wordpress -e MYSQL_USER=wp -e MYSQL_PASSWORD=secret mysql');
    await s.run('docker run -d --name wp --network blog -p 8080:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=wp -e WORDPRESS_DB_PASSWORD=secret -e WORDPRESS_DB_NAME=wordpress wordpress');
    // mysql is still initialising: connection refused
    expect((await s.run('curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080')).stdout).toBe('500\n');
    await s.run('sleep 10');
    const head = await s.run('curl -sI localhost:8080');
    expect(head.stdout).toMatch(/^HTTP\/1\.1 302 Found\r\n/);
    expect(head.stdout).toContain('X-Redirect-By: WordPress\r\nLocation: http://localhost:8080/wp-admin/install.php\r\n');
    const page = await s.run('curl -sL localhost:8080');
    expect(page.stdout).toContain('<title>WordPress &rsaquo; Installation</title>');
    expect(page.stdout).toContain('<option value="" lang="en" selected="selected" data-continue="Continue" data-installed="1">English (United States)</option>');
    expect((await s.run('docker exec wp ls /var/www/html')).stdout).toBe('index.php\nwp-admin\nwp-config-docker.php\nwp-config.php\nwp-content\nwp-includes\n');
    // a wrong password is refused by MySQL: WordPress shows its error page again
    await s.run('docker rm -f wp');
    await s.run('docker run -d --name wp2 --network blog -p 8080:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=wp -e WORDPRESS_DB_PASSWORD=nope wordpress');
    expect((await s.run('curl -s localhost:8080')).stdout).toContain('Error establishing a database connection');
    expect((await s.run('docker logs wp2')).stderr).toMatch(/mysqli_real_connect\(\): \(HY000\/1045\): Access denied for user 'wp'@'172\.18\.0\.%' \(using password: YES\)/);
  });

  it('the installer through curl: language, then the site details (checked as install.php checks them), then the site', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q wordpress');
    await s.run('docker pull -q mysql');
    await s.run('docker network create blog');
    await s.run('docker run -d --name db --network blog -e MYSQL_ROOT_PASSWORD=root -e MYSQL_DATABASE=wordpress -e MYSQL_USER=wp -e MYSQL_PASSWORD=secret mysql');
    await s.run('docker run -d --name wp --network blog -p 8080:80 -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=wp -e WORDPRESS_DB_PASSWORD=secret -e WORDPRESS_DB_NAME=wordpress wordpress');
    await s.run('sleep 10');
    const step1 = await s.run('curl -s -d "language=" "localhost:8080/wp-admin/install.php?step=1"');
    expect(step1.stdout).toContain('<h2>Information needed</h2>');
    expect(step1.stdout).toContain('<form id="setup" method="post" action="install.php?step=2" novalidate="novalidate">');
    const post = (fields: string) => s.run(`curl -s -d "${fields}" "localhost:8080/wp-admin/install.php?step=2"`);
    const bad = await post('weblog_title=My+Blog&user_name=admin&admin_password=pw1&admin_password2=pw2&admin_email=me%40example.com');
    expect(bad.stdout).toContain('<h1>Welcome</h1>\n<p class="message">Your passwords do not match. Please try again.</p>\n');
    expect(bad.stdout).toContain('<input name="weblog_title" type="text" id="weblog_title" size="25" value="My Blog" />');
    expect((await post('weblog_title=My+Blog&user_name=admin&admin_password=pw&admin_password2=pw&admin_email=nope')).stdout).toContain('<p class="message">Sorry, that is not a valid email address. Email addresses look like <code>username@example.com</code>.</p>');
    const done = await post('weblog_title=My+Blog&user_name=admin&admin_password=pw&admin_password2=pw&admin_email=me%40example.com');
    expect(done.stdout).toContain('<h1>Success!</h1>\n\n<p>WordPress has been installed. Thank you, and enjoy!</p>');
    expect(done.stdout).toContain('<th>Username</th>\n\t\t<td>admin</td>');
    expect(done.stdout).toContain('<a href="http://localhost:8080/wp-login.php" class="button button-large">Log In</a>');
    expect((await s.run('docker logs wp')).stdout).toMatch(/"POST \/wp-admin\/install\.php\?step=2 HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0"\n$/);
    // the site now answers; the installer says it is done; the tables are in MySQL
    const home = await s.run('curl -s -w "%{http_code}\\n" localhost:8080/');
    expect(home.stdout).toContain('<title>My Blog</title>');
    expect(home.stdout).toContain('<p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p>');
    expect(home.stdout.endsWith('</html>\n200\n')).toBe(true);
    expect((await s.run('curl -s localhost:8080/wp-admin/install.php')).stdout).toContain('<h1>Already Installed</h1><p>You appear to have already installed WordPress. To reinstall please clear your old database tables first.</p>');
    const tables = await s.run(`docker exec db mysql -uwp -psecret wordpress -e 'SHOW TABLES'`);
    expect(tables.stdout).toBe('Tables_in_wordpress\nwp_commentmeta\nwp_comments\nwp_links\nwp_options\nwp_postmeta\nwp_posts\nwp_term_relationships\nwp_term_taxonomy\nwp_termmeta\nwp_terms\nwp_usermeta\nwp_users\n');
    const user = await s.run(`docker exec db mysql -uwp -psecret wordpress -e 'SELECT user_login, user_email FROM wp_users'`);
    expect(user.stdout).toBe('user_login\tuser_email\nadmin\tme@example.com\n');
  });
});
