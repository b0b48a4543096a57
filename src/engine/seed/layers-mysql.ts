// mysql image layers (docker-library/mysql on oraclelinux:9-slim): user, gosu, microdnf tools, the MySQL repo and packages, the entrypoint.
import type { SeedEntry, SeedLayer } from './types';
import { bin, bins, dir, exe, file, withParents } from './fs';


const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedEntry[]): SeedLayer =>
  ({ key, createdBy, size, compressedSize, entries: withParents(entries) });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;

/** Abridged docker-library/mysql docker-entrypoint.sh: the password check lives in the simulated mysqld; the script ends in exec. */
export const MYSQL_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob

# logging functions
mysql_log() {
	local type="$1"; shift
	# accept argument string or stdin
	local text="$*"; if [ "$#" -eq 0 ]; then text="$(cat)"; fi
	local dt; dt="$(date --rfc-3339=seconds)"
	printf '%s [%s] [Entrypoint]: %s\\n' "$dt" "$type" "$text"
}

# (abridged: docker_verify_minimum_env, docker_init_database_dir, docker_setup_db, docker_process_init_files)

# if command starts with an option, prepend mysqld
if [ "\${1:0:1}" = '-' ]; then
	set -- mysqld "$@"
fi

exec "$@"
`;

/** The layers shared by every mysql tag (same commands, same bytes). */
export const MYSQL_COMMON: SeedLayer[] = [
  layer('mysql-ol9-user', run('set -eux; groupadd --system --gid 999 mysql; useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql'), 1_363, 1_086,
    [file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n')]),
  layer('mysql-ol9-gosu', run('set -eux; arch="$(uname -m)"; case "$arch" in aarch64) gosuArch=\'arm64\' ;; x86_64) gosuArch=\'amd64\' ;; *) echo >&2 "error: unsupported architecture: \'$arch\'"; exit 1 ;; esac; curl -fL -o /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc"; curl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch"; export GNUPGHOME="$(mktemp -d)"; gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; rm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; chmod +x /usr/local/bin/gosu; gosu --version; gosu nobody true'), 4_486_912, 1_308_245,
    [bin('/usr/local/bin/gosu', 'gosu', 2_383_872)]),
  layer('mysql-ol9-tools', run('set -eux; microdnf install -y bzip2 gzip openssl xz zstd findutils; microdnf clean all'), 25_788_416, 8_927_451,
    [...bins('/usr/bin', 'tools', 'bzip2:41576 openssl:1003784 xz:84840 zstd:1342240 find:282456 xargs:66848')]),
];

const repo = (major: string, label: string, path: string): SeedLayer =>
  layer(`mysql-${major}-ol9-repo`, run(`set -eu; { echo '[mysql${major.replace('innovation', '')}-server-minimal]'; echo 'name=MySQL ${label} Server Minimal'; echo 'enabled=1'; echo 'baseurl=https://repo.mysql.com/yum/${path}/docker/el/9/$basearch/'; echo 'gpgcheck=1'; echo 'gpgkey=https://repo.mysql.com/RPM-GPG-KEY-mysql-2023'; echo 'module_hotfixes=true'; } | tee /etc/yum.repos.d/mysql-community-minimal.repo`), 269, 372,
    [file('/etc/yum.repos.d/mysql-community-minimal.repo', `[mysql${major.replace('innovation', '')}-server-minimal]\nname=MySQL ${label} Server Minimal\nenabled=1\nbaseurl=https://repo.mysql.com/yum/${path}/docker/el/9/$basearch/\ngpgcheck=1\ngpgkey=https://repo.mysql.com/RPM-GPG-KEY-mysql-2023\nmodule_hotfixes=true\n`)]);

const server = (major: string, size: number, comp: number): SeedLayer =>
  layer(`mysql-${major}-ol9-server`, run('set -eux; microdnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; microdnf clean all; grep -F \'socket=/var/lib/mysql/mysql.sock\' /etc/my.cnf; sed -i \'s!^socket=.*!socket=/var/run/mysqld/mysqld.sock!\' /etc/my.cnf; grep -F \'socket=/var/run/mysqld/mysqld.sock\' /etc/my.cnf; { echo \'[client]\'; echo \'socket=/var/run/mysqld/mysqld.sock\'; } >> /etc/my.cnf; ! grep -F \'!includedir\' /etc/my.cnf; { echo; echo \'!includedir /etc/mysql/conf.d/\'; } >> /etc/my.cnf; mkdir -p /etc/mysql/conf.d; mkdir -p /var/lib/mysql /var/run/mysqld; chown mysql:mysql /var/lib/mysql /var/run/mysqld; chmod 1777 /var/lib/mysql /var/run/mysqld; mkdir /docker-entrypoint-initdb.d; mysqld --version; mysql --version'), size, comp,
    [bin('/usr/sbin/mysqld', 'mysql-community-server-minimal', 76_104_976), ...bins('/usr/bin', 'mysql-community-client', 'mysql:8011536 mysqladmin:7889608 mysqldump:7975080 mysqltzinfotosql:7728000 mysqlcheck:7890000'),
      file('/etc/my.cnf', '# For advice on how to change settings please see\n# http://dev.mysql.com/doc/refman/8.4/en/server-configuration-defaults.html\n\n[mysqld]\nhost-cache-size=0\nskip-name-resolve\ndatadir=/var/lib/mysql\nsocket=/var/run/mysqld/mysqld.sock\nsecure-file-priv=/var/lib/mysql-files\nuser=mysql\n\npid-file=/var/run/mysqld/mysqld.pid\n[client]\nsocket=/var/run/mysqld/mysqld.sock\n\n!includedir /etc/mysql/conf.d/\n'),
      dir('/etc/mysql'), dir('/etc/mysql/conf.d'), dir('/var/lib/mysql', 0o1777), dir('/run/mysqld', 0o1777), dir('/var/lib/mysql-files'), dir('/docker-entrypoint-initdb.d')]);

const shellRepo = (major: string, path: string): SeedLayer =>
  layer(`mysql-${major}-ol9-shell-repo`, run(`set -eu; { echo '[mysql-tools-community]'; echo 'name=MySQL Tools Community'; echo 'baseurl=https://repo.mysql.com/yum/${path}/el/9/$basearch/'; echo 'enabled=1'; echo 'gpgcheck=1'; echo 'gpgkey=https://repo.mysql.com/RPM-GPG-KEY-mysql-2023'; echo 'module_hotfixes=true'; } | tee /etc/yum.repos.d/mysql-community-tools.repo`), 228, 327,
    [file('/etc/yum.repos.d/mysql-community-tools.repo', `[mysql-tools-community]\nname=MySQL Tools Community\nbaseurl=https://repo.mysql.com/yum/${path}/el/9/$basearch/\nenabled=1\ngpgcheck=1\ngpgkey=https://repo.mysql.com/RPM-GPG-KEY-mysql-2023\nmodule_hotfixes=true\n`)]);

const shell = (major: string, size: number, comp: number): SeedLayer =>
  layer(`mysql-${major}-ol9-shell`, run('set -eux; microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; microdnf clean all; mysqlsh --version'), size, comp,
    [bin('/usr/bin/mysqlsh', 'mysql-shell', 55_430_000)]);

const entry = (major: string): SeedLayer =>
  layer(`mysql-${major}-ol9-entrypoint`, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 17_982, 5_406, [exe('/usr/local/bin/docker-entrypoint.sh', MYSQL_ENTRYPOINT)]);

export const MYSQL_9_LAYERS: SeedLayer[] = [repo('innovation', 'Innovation', 'mysql-innovation-community'), server('innovation', 322_019_328, 76_519_772), shellRepo('innovation', 'mysql-tools-innovation-community'), shell('innovation', 131_203_072, 35_512_086), entry('innovation')];
export const MYSQL_84_LAYERS: SeedLayer[] = [repo('8.4', '8.4', 'mysql-8.4-community'), server('8.4', 311_869_440, 74_038_110), shellRepo('8.4', 'mysql-tools-8.4-community'), shell('8.4', 129_961_984, 35_170_223), entry('8.4')];
export const MYSQL_80_LAYERS: SeedLayer[] = [repo('8.0', '8.0', 'mysql-8.0-community'), server('8.0', 285_241_344, 68_731_094), shellRepo('8.0', 'mysql-tools-community'), shell('8.0', 128_831_488, 34_900_718), entry('8.0')];
