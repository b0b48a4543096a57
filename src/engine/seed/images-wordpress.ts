// wordpress:6.7.1-php8.2-apache: php's apache variant on debian:bookworm-slim, then WordPress and its entrypoint (layers and image).
import type { SeedEntry, SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { bin, bins, dir, exe, file, withParents } from './fs';


const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedEntry[]): SeedLayer => ({ key, createdBy, size, compressedSize, entries: withParents(entries) });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;

/** Abridged docker-library/wordpress docker-entrypoint.sh: copies WordPress into /var/www/html (the simulated apache does it) and execs. */
export const WORDPRESS_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeuo pipefail

if [[ "$1" == apache2* ]] || [ "$1" = 'php-fpm' ]; then
	# (abridged) copy /usr/src/wordpress into /var/www/html when it has no WordPress yet,
	# and write wp-config.php from wp-config-docker.php when WORDPRESS_* variables are set
	:
fi

exec "$@"
`;

const WP = '/usr/src/wordpress';
const T = '2024-12-03T19:47:33Z';

const PHP_APT = layer('wp-php82-apache-deps', run('set -eux; apt-get update; apt-get install -y --no-install-recommends $PHPIZE_DEPS ca-certificates curl xz-utils; rm -rf /var/lib/apt/lists/*'), 274_698_240, 87_130_822,
  [...bins('/usr/bin', 'deps', 'curl:256088 xz:84840 gcc-12:1060048 make:252064'), dir('/usr/local/etc/php/conf.d')]);
const APACHE = layer('wp-php82-apache-apache2', run('set -eux; apt-get update; apt-get install -y --no-install-recommends apache2; rm -rf /var/lib/apt/lists/*; (configure /etc/apache2 for php, as docker-library/php does)'), 12_087_296, 4_210_552,
  [bin('/usr/sbin/apache2', 'apache2', 707_592), bin('/usr/sbin/apache2ctl', 'apache2', 7_987), bin('/usr/sbin/a2enmod', 'apache2', 15_445), dir('/etc/apache2'), file('/etc/apache2/envvars', 'export APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\n'), dir('/var/www/html')]);
const PHP_BUILD = layer('wp-php82-apache-build', run('set -eux; savedAptMark="$(apt-mark showmanual)"; (download, verify and build PHP $PHP_VERSION with apxs2); php --version'), 112_254_976, 29_117_604,
  [bin('/usr/local/bin/php', 'php', 35_112_560), exe('/usr/local/bin/docker-php-ext-install', '#!/bin/sh\nset -e\n# (abridged) build and enable a bundled PHP extension\n'), exe('/usr/local/bin/docker-php-ext-enable', '#!/bin/sh\nset -e\n')]);
const PHP_FOREGROUND = layer('wp-php82-apache-foreground', 'COPY apache2-foreground /usr/local/bin/ # buildkit', 1_346, 761,
  [bin('/usr/local/bin/apache2-foreground', 'apache2', 1_346)]);
const WP_EXT = layer('wp-6.7.1-php82-ext', run('set -ex; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends libfreetype6-dev libicu-dev libjpeg-dev libmagickwand-dev libpng-dev libwebp-dev libzip-dev; docker-php-ext-configure gd --with-freetype --with-jpeg --with-webp; docker-php-ext-install -j "$(nproc)" bcmath exif gd intl mysqli zip; pecl install imagick-3.7.0; docker-php-ext-enable imagick; (clean up build dependencies)'), 68_194_304, 21_436_118,
  [file('/usr/local/etc/php/conf.d/docker-php-ext-mysqli.ini', 'extension=mysqli\n'), file('/usr/local/etc/php/conf.d/docker-php-ext-imagick.ini', 'extension=imagick\n')]);
const WP_INI = layer('wp-6.7.1-php82-ini', run("set -eux; docker-php-ext-enable opcache; { echo 'opcache.memory_consumption=128'; echo 'opcache.interned_strings_buffer=8'; echo 'opcache.max_accelerated_files=4000'; echo 'opcache.revalidate_freq=2'; } > /usr/local/etc/php/conf.d/opcache-recommended.ini"), 3_117, 1_031,
  [file('/usr/local/etc/php/conf.d/opcache-recommended.ini', 'opcache.memory_consumption=128\nopcache.interned_strings_buffer=8\nopcache.max_accelerated_files=4000\nopcache.revalidate_freq=2\n')]);
const WP_MODS = layer('wp-6.7.1-php82-a2enmod', run('set -eux; a2enmod rewrite expires; a2enmod remoteip; (RemoteIPHeader X-Forwarded-For config)'), 1_311, 744, [file('/etc/apache2/conf-available/remoteip.conf', 'RemoteIPHeader X-Forwarded-For\n')]);
const WP_SRC = layer('wp-6.7.1-src', run('set -eux; version=\'6.7.1\'; sha1=\'dfb745d4067368bb9a9491f2b6f7e8d52d740fd1\'; curl -o wordpress.tar.gz -fL "https://wordpress.org/wordpress-$version.tar.gz"; echo "$sha1 *wordpress.tar.gz" | sha1sum -c -; tar -xzf wordpress.tar.gz -C /usr/src/; rm wordpress.tar.gz; [ ! -e /usr/src/wordpress/.htaccess ]; { echo \'# BEGIN WordPress\'; echo \'\'; echo \'RewriteEngine On\'; echo \'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\'; echo \'RewriteBase /\'; echo \'RewriteRule ^index\\.php$ - [L]\'; echo \'RewriteCond %{REQUEST_FILENAME} !-f\'; echo \'RewriteCond %{REQUEST_FILENAME} !-d\'; echo \'RewriteRule . /index.php [L]\'; echo \'\'; echo \'# END WordPress\'; } > /usr/src/wordpress/.htaccess; chown -R www-data:www-data /usr/src/wordpress; mkdir wp-content; for dir in /usr/src/wordpress/wp-content/*/ cache; do dir="$(basename "${dir%/}")"; mkdir "wp-content/$dir"; done; chown -R www-data:www-data wp-content; chmod -R 1777 wp-content'), 80_846_848, 24_105_990,
  [dir(WP), file(`${WP}/index.php`, "<?php\n/**\n * Front to the WordPress application.\n */\ndefine( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n"),
    file(`${WP}/wp-config-docker.php`, "<?php\n// a helper function to lookup \"env_FILE\", \"env\", then fallback\n// (abridged)\ndefine( 'DB_NAME', getenv_docker('WORDPRESS_DB_NAME', 'wordpress') );\ndefine( 'DB_USER', getenv_docker('WORDPRESS_DB_USER', 'example username') );\ndefine( 'DB_PASSWORD', getenv_docker('WORDPRESS_DB_PASSWORD', 'example password') );\ndefine( 'DB_HOST', getenv_docker('WORDPRESS_DB_HOST', 'mysql') );\n$table_prefix = getenv_docker('WORDPRESS_TABLE_PREFIX', 'wp_');\n"),
    file(`${WP}/wp-includes/version.php`, "<?php\n$wp_version = '6.7.1';\n$wp_db_version = 58975;\n"), file(`${WP}/wp-admin/install.php`, "<?php\n/**\n * WordPress Installer\n */\n"),
    file(`${WP}/.htaccess`, '# BEGIN WordPress\n\nRewriteEngine On\nRewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\nRewriteBase /\nRewriteRule ^index\\.php$ - [L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule . /index.php [L]\n\n# END WordPress\n'),
    dir(`${WP}/wp-content/themes`), dir(`${WP}/wp-content/plugins`), dir('/var/www/html/wp-content')]);
const WP_ENTRY = layer('wp-6.7.1-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 3_946, 1_582, [exe('/usr/local/bin/docker-entrypoint.sh', WORDPRESS_ENTRYPOINT)]);

export const WORDPRESS_LAYERS: SeedLayer[] = [PHP_APT, APACHE, PHP_BUILD, PHP_FOREGROUND, WP_EXT, WP_INI, WP_MODS, WP_SRC, WP_ENTRY];

const PHP_ENV = [
  'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c',
  'PHP_INI_DIR=/usr/local/etc/php', 'APACHE_CONFDIR=/etc/apache2', 'APACHE_ENVVARS=/etc/apache2/envvars',
  'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
  'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_LDFLAGS=-Wl,-O1 -pie',
  'GPG_KEYS=39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC',
  'PHP_VERSION=8.2.26', 'PHP_URL=https://www.php.net/distributions/php-8.2.26.tar.xz', 'PHP_ASC_URL=https://www.php.net/distributions/php-8.2.26.tar.xz.asc',
];

/** wordpress:6.7.1 (php8.2, apache), the default. */
export const WORDPRESS: SeedImage = {
  repository: 'library/wordpress',
  tags: ['latest', '6', '6.7', '6.7.1', 'apache', 'php8.2', 'php8.2-apache', '6-apache', '6.7-apache', '6.7.1-apache', '6.7.1-php8.2', '6.7.1-php8.2-apache'],
  created: T,
  config: {
    Env: [PATH_ENV, ...PHP_ENV], Cmd: ['apache2-foreground'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '/var/www/html',
    ExposedPorts: { '80/tcp': {} }, Volumes: { '/var/www/html': {} }, StopSignal: 'SIGWINCH',
  },
  history: [
    bkLayer(T, DEBIAN_BOOKWORM_SLIM), bkMeta(T, 'CMD ["bash"]'), bkMeta(T, `ENV ${PHP_ENV[0]}`), bkLayer(T, PHP_APT), bkMeta(T, 'ENV PHP_INI_DIR=/usr/local/etc/php'),
    bkMeta(T, 'ENV APACHE_CONFDIR=/etc/apache2'), bkMeta(T, 'ENV APACHE_ENVVARS=/etc/apache2/envvars'), bkLayer(T, APACHE),
    bkMeta(T, `ENV ${PHP_ENV[4]}`), bkMeta(T, `ENV ${PHP_ENV[7]}`), bkMeta(T, 'ENV PHP_VERSION=8.2.26'), bkLayer(T, PHP_BUILD),
    bkMeta(T, 'ENTRYPOINT ["docker-php-entrypoint"]'), bkMeta(T, 'STOPSIGNAL SIGWINCH'), bkLayer(T, PHP_FOREGROUND), bkMeta(T, 'WORKDIR /var/www/html'),
    bkMeta(T, 'EXPOSE map[80/tcp:{}]'), bkMeta(T, 'CMD ["apache2-foreground"]'),
    bkLayer(T, WP_EXT), bkLayer(T, WP_INI), bkLayer(T, WP_MODS), bkMeta(T, 'RUN /bin/sh -c set -eux; { echo \'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR\'; echo \'display_errors = Off\'; } > /usr/local/etc/php/conf.d/error-logging.ini # buildkit'),
    bkLayer(T, WP_SRC), bkMeta(T, 'VOLUME [/var/www/html]'), bkMeta(T, 'COPY --chown=www-data:www-data wp-config-docker.php /usr/src/wordpress/ # buildkit'),
    bkLayer(T, WP_ENTRY), bkMeta(T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(T, 'CMD ["apache2-foreground"]'),
  ],
  search: { description: 'The WordPress rich content management system can utilize plugins, widgets, and themes.', stars: 5_729, official: true },
};
