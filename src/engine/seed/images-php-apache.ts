// php 8.4 with Apache (php:8.4-apache, bookworm): the cli image's first layers, Apache 2.4 with mod_php, the
// apache2-foreground script; /var/www/html is served on port 80 (src/shell/lang/php-apache.ts answers it).
import type { SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { bin, dir, exe, file } from './fs';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { PHP_ENTRYPOINT, PHP_LAYERS } from './images-php-ruby-java';
import { APACHE2_FOREGROUND_SCRIPT, DOCKER_PHP_EXT_ENABLE, DOCKER_PHP_EXT_INSTALL } from './php-scripts';

const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedLayer['entries']): SeedLayer => ({ key, createdBy, size, compressedSize, entries });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;
const T = '2024-11-22T01:42:37Z';

const DEFAULT_SITE = `<VirtualHost *:80>
	ServerAdmin webmaster@localhost
	DocumentRoot /var/www/html

	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined
</VirtualHost>
`;

const APACHE_LAYERS: SeedLayer[] = [
  layer('php84-apache-apache2', run('set -eux; apt-get update; apt-get install -y --no-install-recommends apache2; rm -rf /var/lib/apt/lists/*; sed -ri \'s/^export ([^=]+)=(.*)$/: ${\\1:=\\2}\\nexport \\1/\' "$APACHE_ENVVARS"; . "$APACHE_ENVVARS"; for dir in "$APACHE_LOCK_DIR" "$APACHE_RUN_DIR" "$APACHE_LOG_DIR"; do rm -rvf "$dir"; mkdir -p "$dir"; chown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir"; chmod 1777 "$dir"; done; rm -rvf /var/www/html/*; ln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; ln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"; ln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"; chown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR"'), 12_087_296, 4_210_552,
    [bin('/usr/sbin/apache2', 'apache2', 707_592), bin('/usr/sbin/apache2ctl', 'apache2', 7_987), bin('/usr/sbin/a2enmod', 'apache2', 15_445), bin('/usr/sbin/a2dismod', 'apache2', 15_445), dir('/etc/apache2'),
      file('/etc/apache2/envvars', ': ${APACHE_RUN_USER:=www-data}\nexport APACHE_RUN_USER\n: ${APACHE_RUN_GROUP:=www-data}\nexport APACHE_RUN_GROUP\n: ${APACHE_PID_FILE:=/var/run/apache2$SUFFIX/apache2.pid}\nexport APACHE_PID_FILE\n: ${APACHE_RUN_DIR:=/var/run/apache2$SUFFIX}\nexport APACHE_RUN_DIR\n: ${APACHE_LOCK_DIR:=/var/lock/apache2$SUFFIX}\nexport APACHE_LOCK_DIR\n: ${APACHE_LOG_DIR:=/var/log/apache2$SUFFIX}\nexport APACHE_LOG_DIR\n'),
      dir('/etc/apache2/sites-available'), file('/etc/apache2/sites-available/000-default.conf', DEFAULT_SITE), dir('/etc/apache2/sites-enabled'), file('/etc/apache2/sites-enabled/000-default.conf', DEFAULT_SITE), dir('/var/www'), dir('/var/www/html', 0o777)]),
  layer('php84-apache-mpm-php', run('a2dismod mpm_event && a2enmod mpm_prefork; { echo \'<FilesMatch \\.php$>\'; echo \'\\tSetHandler application/x-httpd-php\'; echo \'</FilesMatch>\'; echo; echo \'DirectoryIndex disabled\'; echo \'DirectoryIndex index.php index.html\'; echo; echo \'<Directory /var/www/>\'; echo \'\\tOptions -Indexes\'; echo \'\\tAllowOverride All\'; echo \'</Directory>\'; } | tee "$APACHE_CONFDIR/conf-available/docker-php.conf" && a2enconf docker-php'), 4_096, 512,
    [dir('/etc/apache2/conf-available'), file('/etc/apache2/conf-available/docker-php.conf', '<FilesMatch \\.php$>\n\tSetHandler application/x-httpd-php\n</FilesMatch>\n\nDirectoryIndex disabled\nDirectoryIndex index.php index.html\n\n<Directory /var/www/>\n\tOptions -Indexes\n\tAllowOverride All\n</Directory>\n')]),
  layer('php-8.4.1-apache-build', run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends apache2-dev libargon2-dev libcurl4-openssl-dev libonig-dev libreadline-dev libsodium-dev libsqlite3-dev libssl-dev libxml2-dev zlib1g-dev; … ./configure --with-config-file-path="$PHP_INI_DIR" --with-apxs2 --disable-cgi …; make -j "$(nproc)"; make install; … php --version'), 112_893_952, 31_902_118,
    [bin('/usr/local/bin/php', 'php', 40_521_184), dir('/usr/local/lib/php'), file('/usr/local/etc/php/php.ini-development', '; PHP development settings (stand-in)\nlog_errors = On\ndisplay_errors = On\n'), file('/usr/local/etc/php/php.ini-production', '; PHP production settings (stand-in)\nlog_errors = On\ndisplay_errors = Off\n'), dir('/usr/lib/apache2'), dir('/usr/lib/apache2/modules'), file('/usr/lib/apache2/modules/libphp.so', '\u007fELF dockerlings-stand-in: php libphp.so\n')]),
  layer('php84-apache-docker-php-ext', 'COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit', 12_288, 2_339,
    [exe('/usr/local/bin/docker-php-entrypoint', PHP_ENTRYPOINT), exe('/usr/local/bin/docker-php-ext-install', DOCKER_PHP_EXT_INSTALL), exe('/usr/local/bin/docker-php-ext-enable', DOCKER_PHP_EXT_ENABLE)]),
  layer('php84-apache-sodium', run('docker-php-ext-enable sodium'), 17, 126, [file('/usr/local/etc/php/conf.d/docker-php-ext-sodium.ini', 'extension=sodium\n')]),
  layer('php84-apache-foreground', 'COPY apache2-foreground /usr/local/bin/ # buildkit', APACHE2_FOREGROUND_SCRIPT.length, 761, [exe('/usr/local/bin/apache2-foreground', APACHE2_FOREGROUND_SCRIPT)]),
];

const ENV = [PATH_ENV, 'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c', 'PHP_INI_DIR=/usr/local/etc/php', 'APACHE_CONFDIR=/etc/apache2', 'APACHE_ENVVARS=/etc/apache2/envvars',
  'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_LDFLAGS=-Wl,-O1 -pie',
  'GPG_KEYS=AFD8691FDAEDF03BDF6E460563F15A9B715376CA 9D7F99A0CB8F05C8A6958D6256A97AF7600A39A6 0616E93D95AF471243E26761770426E17EBBB3DD', 'PHP_VERSION=8.4.1', 'PHP_URL=https://www.php.net/distributions/php-8.4.1.tar.xz',
  'PHP_ASC_URL=https://www.php.net/distributions/php-8.4.1.tar.xz.asc', 'PHP_SHA256=94c8a4fd419d45748951fa6d73bd55f6bdf0adaefb8814880a67baa66027311f'];

/** php:8.4-apache. */
export const PHP_APACHE: SeedImage = {
  repository: 'library/php', tags: ['apache', '8-apache', '8.4-apache', '8.4.1-apache', 'apache-bookworm', '8-apache-bookworm', '8.4-apache-bookworm', '8.4.1-apache-bookworm'], created: T,
  config: { Env: ENV, Cmd: ['apache2-foreground'], Entrypoint: ['docker-php-entrypoint'], WorkingDir: '/var/www/html', ExposedPorts: { '80/tcp': {} }, StopSignal: 'SIGWINCH' },
  history: [bkLayer(T, DEBIAN_BOOKWORM_SLIM), bkMeta(T, 'CMD ["bash"]'), bkLayer(T, PHP_LAYERS[0]), bkMeta(T, `ENV ${ENV[1]}`), bkLayer(T, PHP_LAYERS[1]), bkMeta(T, 'ENV PHP_INI_DIR=/usr/local/etc/php'), bkLayer(T, PHP_LAYERS[2]),
    bkMeta(T, 'ENV APACHE_CONFDIR=/etc/apache2'), bkMeta(T, 'ENV APACHE_ENVVARS=/etc/apache2/envvars'), bkLayer(T, APACHE_LAYERS[0]), bkLayer(T, APACHE_LAYERS[1]), bkMeta(T, `ENV ${ENV[5]}`), bkMeta(T, `ENV ${ENV[6]}`), bkMeta(T, `ENV ${ENV[7]}`),
    bkMeta(T, `ENV ${ENV[8]}`), bkMeta(T, 'ENV PHP_VERSION=8.4.1'), bkMeta(T, `ENV ${ENV[10]} ${ENV[11]}`), bkMeta(T, `ENV ${ENV[12]}`), bkLayer(T, PHP_LAYERS[3]), bkLayer(T, PHP_LAYERS[4]), bkLayer(T, APACHE_LAYERS[2]),
    bkLayer(T, APACHE_LAYERS[3]), bkLayer(T, APACHE_LAYERS[4]), bkMeta(T, 'ENTRYPOINT ["docker-php-entrypoint"]'), bkMeta(T, 'STOPSIGNAL SIGWINCH'), bkLayer(T, APACHE_LAYERS[5]), bkMeta(T, 'WORKDIR /var/www/html'),
    bkMeta(T, 'EXPOSE map[80/tcp:{}]'), bkMeta(T, 'CMD ["apache2-foreground"]')],
};

export const PHP_APACHE_LAYERS = APACHE_LAYERS;
