// The php images' helper scripts, shortened from docker-library/php: docker-php-ext-install (its usage and the
// extension list, compile output cut to its last lines), docker-php-ext-enable, and apache2-foreground.

const EXTS = 'bcmath bz2 calendar ctype curl dba dl_test dom enchant exif ffi fileinfo filter ftp gd gettext gmp hash iconv imap intl json ldap mbstring mysqli oci8 odbc opcache pcntl pdo pdo_dblib pdo_firebird pdo_mysql pdo_oci pdo_odbc pdo_pgsql pdo_sqlite pgsql phar posix pspell random readline reflection session shmop simplexml snmp soap sockets sodium spl standard sysvmsg sysvsem sysvshm tidy tokenizer xml xmlreader xmlwriter xsl zend_test zip';

export const DOCKER_PHP_EXT_INSTALL = `#!/bin/sh
set -e

# (shortened from docker-library/php: each extension is configured, built with make and installed, then enabled)
usage() {
	echo "usage: $0 [-jN] [--ini-name file.ini] ext-name [ext-name ...]"
	echo "   ie: $0 gd mysqli"
	echo "       $0 pdo pdo_mysql"
	echo "       $0 -j5 gd mbstring mysqli pdo pdo_mysql shmop"
	echo
	echo 'if custom ./configure arguments are necessary, see docker-php-ext-configure'
	echo
	echo 'Possible values for ext-name:'
	echo '${EXTS}'
	echo
	echo 'Some of the above modules are already compiled into PHP; please check'
	echo 'the output of "php -i" to see which modules are already loaded.'
}

exts=
for arg in "$@"; do
	case "$arg" in
		-j*|--ini-name|*.ini) ;;
		-*) usage >&2; exit 1 ;;
		*)
			case " ${EXTS} " in
				*" $arg "*) exts="$exts $arg" ;;
				*) echo "error: /usr/src/php/ext/$arg does not exist" >&2; echo >&2; usage >&2; exit 1 ;;
			esac
			;;
	esac
done
if [ -z "$exts" ]; then
	usage >&2
	exit 1
fi

for ext in $exts; do
	echo "Configuring for:"
	echo "PHP Api Version:         20240924"
	echo "Zend Module Api No:      20240924"
	echo "Zend Extension Api No:   420240924"
	echo "checking for grep that handles long lines and -e... /usr/bin/grep"
	echo "checking for a sed that does not truncate output... /usr/bin/sed"
	echo "creating libtool"
	echo "config.status: creating config.h"
	echo "/bin/bash /usr/src/php/ext/$ext/libtool --tag=CC --mode=compile cc -I. -I/usr/src/php/ext/$ext -I/usr/local/include/php -fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64 -DHAVE_CONFIG_H -c /usr/src/php/ext/$ext/$ext.c -o $ext.lo"
	echo "Build complete."
	echo "Don't forget to run 'make test'."
	echo
	echo "+ strip --strip-all modules/$ext.so"
	echo "Installing shared extensions:     /usr/local/lib/php/extensions/no-debug-non-zts-20240924/"
	echo "find . -name \\\\*.gcno -o -name \\\\*.gcda | xargs rm -f"
	echo "find . -name \\\\*.lo -o -name \\\\*.o -o -name \\\\*.dep | xargs rm -f"
	echo "find . -name \\\\*.la -o -name \\\\*.a | xargs rm -f"
	echo "find . -name \\\\*.so | xargs rm -f"
	echo "find . -name .libs -a -type d|xargs rm -rf"
	echo "rm -f libphp.la   modules/* libs/*"
	echo "rm -f ext/opcache/jit/zend_jit_x86.c"
	echo "rm -f ext/opcache/jit/zend_jit_arm64.c"
	echo "rm -f ext/opcache/minilua"
	docker-php-ext-enable "$ext"
done
`;

export const DOCKER_PHP_EXT_ENABLE = `#!/bin/sh
set -e

# (shortened from docker-library/php: writes conf.d/docker-php-ext-NAME.ini so PHP loads the extension)
iniDir="\${PHP_INI_DIR:-/usr/local/etc/php}/conf.d"
mkdir -p "$iniDir"
for ext in "$@"; do
	case "$ext" in -*) continue ;; esac
	line="extension=$ext"
	if [ "$ext" = opcache ] || [ "$ext" = xdebug ]; then line="zend_extension=$ext"; fi
	ini="$iniDir/docker-php-ext-$ext.ini"
	if ! grep -q "$line" "$ini" 2>/dev/null; then
		echo "$line" >> "$ini"
	fi
done
`;

export const APACHE2_FOREGROUND_SCRIPT = `#!/bin/bash
set -e

# Note: we don't just use "apache2ctl" here because it itself is just a shell-script wrapper around apache2 which provides extra functionality like "apache2ctl start" for launching apache2 in the background.
# (also, when run as "apache2ctl <apache args>", it does not use "exec", which leaves an undesirable resident shell process)

: "\${APACHE_CONFDIR:=/etc/apache2}"
: "\${APACHE_ENVVARS:=$APACHE_CONFDIR/envvars}"
if test -f "$APACHE_ENVVARS"; then
	. "$APACHE_ENVVARS"
fi

# Apache gets grumpy about PID files pre-existing
: "\${APACHE_RUN_DIR:=/var/run/apache2}"
: "\${APACHE_PID_FILE:=$APACHE_RUN_DIR/apache2.pid}"
rm -f "$APACHE_PID_FILE"

# create missing directories
mkdir -p "$APACHE_RUN_DIR" /var/lock/apache2 /var/log/apache2

exec apache2 -DFOREGROUND "$@"
`;
