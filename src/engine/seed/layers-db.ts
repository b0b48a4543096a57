// postgres 17.2/16.6 (bookworm-slim and alpine 3.20), mariadb 11.6.2 and mongo 8.0.4 (Ubuntu noble) layers, abridged.
import type { SeedEntry, SeedLayer } from './types';
import { bin, bins, dir, exe, file, link } from './fs';
import { BOOKWORM_GROUP, BOOKWORM_PASSWD } from './layers-debian';
import { ALPINE_GROUP, ALPINE_PASSWD } from './layers-alpine';
import { NOBLE_PASSWD } from './layers-ubuntu';

const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedEntry[]): SeedLayer =>
  ({ key, createdBy, size, compressedSize, entries });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;

/**
 * Abridged from docker-library/postgres docker-entrypoint.sh (about 370 lines): the checks and messages a learner
 * meets, and the final `exec "$@"` the engine follows to the server it runs.
 */
export const POSTGRES_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeo pipefail
# (abridged) docker-library/postgres docker-entrypoint.sh

docker_verify_minimum_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ 'trust' != "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
		EOE
		exit 1
	fi
}

_main() {
	# if first arg looks like a flag, assume we want to run postgres server
	if [ "\${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	exec "$@"
}

_main "$@"
`;

const pgPasswd = (alpine: boolean) => alpine
  ? [file('/etc/passwd', ALPINE_PASSWD + 'postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh\n'), file('/etc/group', ALPINE_GROUP + 'postgres:x:70:postgres\n')]
  : [file('/etc/passwd', BOOKWORM_PASSWD + 'postgres:x:999:999::/var/lib/postgresql:/bin/bash\n'), file('/etc/group', BOOKWORM_GROUP + 'postgres:x:999:\n')];

const pgServer = (bindir: string, confDir: string, pkg: string): SeedEntry[] => [
  ...dirsUp(bindir), ...dirsUp(confDir),
  ...bins(bindir, pkg, 'postgres:9882312 initdb:159856 pg_ctl:68520 psql:727032 pg_dump:457696 pg_isready:43080 createdb:56072'),
  file(`${confDir}/postgresql.conf.sample`, "# -----------------------------\n# PostgreSQL configuration file\n# -----------------------------\n#listen_addresses = 'localhost'\n#port = 5432\n"),
];

/** A directory and its parents below the first level that a base image has anyway. */
function dirsUp(path: string): SeedEntry[] {
  const out: SeedEntry[] = [];
  for (let p = path; p.split('/').length > 3; p = p.slice(0, p.lastIndexOf('/'))) out.unshift(dir(p));
  return out;
}

const pgTail = (v: string, alpine: boolean): SeedLayer[] => [
  layer(`postgres-${v}-run`, run('install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql'), 0, 117, [dir('/run/postgresql', 0o3777)]),
  layer(`postgres-${v}-pgdata`, run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'), 0, 121, [dir('/var/lib/postgresql'), dir('/var/lib/postgresql/data', 0o1777)]),
  layer(`postgres-${v}-entrypoint`, 'COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit', 18_231, 5_512,
    [exe('/usr/local/bin/docker-entrypoint.sh', POSTGRES_ENTRYPOINT), exe('/usr/local/bin/docker-ensure-initdb.sh', '#!/usr/bin/env bash\nset -Eeuo pipefail\n# (abridged) ensure the database is initialized, then exit\n')]),
  layer(`postgres-${v}-enforce`, run('ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'), 33, 131,
    [link('/usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh')]),
].map((l) => (alpine ? { ...l, key: l.key + '-alpine' } : l));

/** Steps shared by postgres:16 and :17 on bookworm (same commands, same bytes: one layer each). */
export const POSTGRES_DEBIAN_COMMON: SeedLayer[] = [
  layer('postgres-bookworm-user', run('set -eux; groupadd -r postgres --gid=999; useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; mkdir -p /var/lib/postgresql; chown -R postgres:postgres /var/lib/postgresql'), 4_338, 1_112, pgPasswd(false)),
  layer('postgres-bookworm-gosu', run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends ca-certificates wget; rm -rf /var/lib/apt/lists/*; dpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; chmod +x /usr/local/bin/gosu; gosu --version; gosu nobody true'), 4_150_272, 1_261_914,
    [bin('/usr/local/bin/gosu', 'gosu', 2_383_872)]),
  layer('postgres-bookworm-locales', run('set -eux; if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then grep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; sed -ri \'/\\/usr\\/share\\/locale/d\' /etc/dpkg/dpkg.cfg.d/docker; ! grep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; fi; apt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; echo \'en_US.UTF-8 UTF-8\' >> /etc/locale.gen; locale-gen; locale -a | grep \'en_US.utf8\''), 24_912_640, 4_371_021,
    [dir('/usr/lib/locale'), file('/etc/locale.gen', 'en_US.UTF-8 UTF-8\n'), { path: '/usr/lib/locale/locale-archive', kind: 'file', content: '(locale archive)\n', size: 3_048_976 }]),
  layer('postgres-bookworm-nss', run('set -eux; apt-get update; apt-get install -y --no-install-recommends libnss-wrapper xz-utils zstd; rm -rf /var/lib/apt/lists/*'), 4_338_176, 1_417_122,
    [...bins('/usr/bin', 'xz-utils', 'xz:84840 zstd:1342240'), { path: '/usr/lib/x86_64-linux-gnu/libnss_wrapper.so', kind: 'file', content: '\u007fELF dockerlings-stand-in: lib libnss_wrapper.so\n', size: 72_736 }]),
  layer('postgres-bookworm-initdb-d', run('mkdir /docker-entrypoint-initdb.d'), 0, 116, [dir('/docker-entrypoint-initdb.d')]),
  layer('postgres-bookworm-gpg', run('set -ex; key=\'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8\'; export GNUPGHOME="$(mktemp -d)"; mkdir -p /usr/local/share/keyrings/; gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; gpg --batch --export --armor "$key" > /usr/local/share/keyrings/postgres.gpg.asc; gpgconf --kill all; rm -rf "$GNUPGHOME"'), 4_522, 2_871,
    [dir('/usr/local/share/keyrings'), file('/usr/local/share/keyrings/postgres.gpg.asc', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n(stand-in)\n')]),
];

const pgApt = (major: string, size: number, comp: number): SeedLayer =>
  layer(`postgres-${major}-bookworm-apt`, run(`set -ex; export PYTHONDONTWRITEBYTECODE=1; dpkgArch="$(dpkg --print-architecture)"; aptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"; echo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; apt-get update; apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR=$PG_VERSION"; rm -rf /var/lib/apt/lists/*; find /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S "$pyc" &> /dev/null || rm -vf "$pyc"; done' -- '{}' +; postgres --version`), size, comp,
    [file('/etc/apt/sources.list.d/pgdg.list', `deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main ${major}\n`),
      ...pgServer(`/usr/lib/postgresql/${major}/bin`, `/usr/share/postgresql/${major}`, `postgresql-${major}`)]);

const pgSample = (major: string): SeedLayer =>
  layer(`postgres-${major}-bookworm-sample`, run("set -eux; dpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; ln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; sed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; grep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample"), 30_031, 9_823,
    [file('/usr/share/postgresql/postgresql.conf.sample', "# -----------------------------\n# PostgreSQL configuration file\n# -----------------------------\nlisten_addresses = '*'\n#port = 5432\n")]);

/** postgres:17.2 (bookworm): the shared steps, then PostgreSQL 17 from apt.postgresql.org. */
export const POSTGRES_17_LAYERS: SeedLayer[] = [pgApt('17', 326_811_648, 110_234_811), pgSample('17'), ...pgTail('17', false)];
/** postgres:16.6 (bookworm). */
export const POSTGRES_16_LAYERS: SeedLayer[] = [pgApt('16', 323_661_824, 108_903_245), pgSample('16'), ...pgTail('16', false)];

/** postgres:17.2-alpine3.20: built from source on alpine. */
export const POSTGRES_17_ALPINE_LAYERS: SeedLayer[] = [
  layer('postgres-alpine-user', run('set -eux; addgroup -g 70 -S postgres; adduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; mkdir -p /var/lib/postgresql; chown -R postgres:postgres /var/lib/postgresql'), 3_317, 967,
    [...pgPasswd(true), { path: '/etc/shadow', kind: 'file', content: 'root:*::0:::::\npostgres:!:20000:0:99999:7:::\n', mode: 0o640 }]),
  layer('postgres-alpine-initdb-d', run('mkdir /docker-entrypoint-initdb.d'), 0, 93, [dir('/docker-entrypoint-initdb.d')]),
  layer('postgres-17-alpine-build', run('set -eux; wget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2"; echo "$PG_SHA256 *postgresql.tar.bz2" | sha256sum -c -; (build and install from source); postgres --version'), 270_412_288, 104_822_715,
    [...pgServer('/usr/local/bin', '/usr/local/share/postgresql', 'postgresql17'), bin('/usr/local/bin/gosu', 'gosu', 2_347_192), bin('/usr/local/bin/su-exec', 'su-exec', 10_216)]),
  layer('postgres-17-alpine-sample', run("set -eux; cp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; sed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/local/share/postgresql/postgresql.conf.sample"), 61_712, 9_807,
    [file('/usr/local/share/postgresql/postgresql.conf.sample', "listen_addresses = '*'\n#port = 5432\n")]),
  ...pgTail('17', true),
];

/** Abridged docker-library/mariadb docker-entrypoint.sh: the password check and the final exec. */
export const MARIADB_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob
# (abridged) docker-library/mariadb docker-entrypoint.sh

# if command starts with an option, prepend mariadbd
if [ "\${1:0:1}" = '-' ]; then
	set -- mariadbd "$@"
fi

docker_verify_minimum_env() {
	if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "$MARIADB_ROOT_PASSWORD_HASH" ] && [ -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" ] && [ -z "$MARIADB_RANDOM_ROOT_PASSWORD" ]; then
		mysql_error $'Database is uninitialized and password option is not specified\\n\\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD'
	fi
}

exec "$@"
`;

/** mariadb:11.6.2 (noble). */
export const MARIADB_LAYERS: SeedLayer[] = [
  layer('mariadb-11.6.2-user', run('groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql'), 2_796, 1_003,
    [file('/etc/passwd', NOBLE_PASSWD + 'mysql:x:999:999::/var/lib/mysql:/bin/sh\n')]),
  layer('mariadb-11.6.2-gosu', run('set -eux; apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates gpg gpgv libjemalloc2 pwgen tzdata xz-utils zstd wget; (gosu download and verify); rm -rf /var/lib/apt/lists/*'), 18_112_512, 7_021_841,
    [bin('/usr/local/bin/gosu', 'gosu', 2_383_872), bin('/usr/bin/pwgen', 'pwgen', 31_048)]),
  layer('mariadb-11.6.2-initdb-d', run('mkdir /docker-entrypoint-initdb.d'), 0, 115, [dir('/docker-entrypoint-initdb.d')]),
  layer('mariadb-11.6.2-apt', run('set -ex; { echo "mariadb-server" mysql-server/root_password password \'unused\'; echo "mariadb-server" mysql-server/root_password_again password \'unused\'; } | debconf-set-selections; apt-get update; apt-get install -y --no-install-recommends "mariadb-server=$MARIADB_VERSION" mariadb-backup socat; rm -rf /var/lib/apt/lists/*; rm -rf /var/lib/mysql; mkdir -p /var/lib/mysql /run/mysqld; chown -R mysql:mysql /var/lib/mysql /run/mysqld; chmod 1777 /run/mysqld'), 310_231_040, 78_322_301,
    [...bins('/usr/sbin', 'mariadb-server', 'mariadbd:27016928'), ...bins('/usr/bin', 'mariadb-client', 'mariadb:4489816 mariadb-admin:4436056 mariadb-dump:4547896'),
      link('/usr/bin/mysql', 'mariadb'), link('/usr/bin/mysqladmin', 'mariadb-admin'), link('/usr/bin/mysqldump', 'mariadb-dump'), link('/usr/sbin/mysqld', 'mariadbd'),
      dir('/etc/mysql'), file('/etc/mysql/my.cnf', '# The MariaDB configuration file\n#\n[client-server]\nsocket = /run/mysqld/mysqld.sock\n\n!includedir /etc/mysql/mariadb.conf.d/\n!includedir /etc/mysql/conf.d/\n'),
      dir('/var/lib/mysql'), dir('/run/mysqld', 0o1777)]),
  layer('mariadb-11.6.2-healthcheck', 'COPY healthcheck.sh /usr/local/bin/healthcheck.sh # buildkit', 18_109, 4_701,
    [exe('/usr/local/bin/healthcheck.sh', '#!/bin/bash\n#\n# Healthcheck script for MariaDB (abridged)\n')]),
  layer('mariadb-11.6.2-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 26_304, 7_311,
    [exe('/usr/local/bin/docker-entrypoint.sh', MARIADB_ENTRYPOINT)]),
];

/** Abridged docker-library/mongo docker-entrypoint.sh. */
export const MONGO_ENTRYPOINT = `#!/bin/bash
set -Eeuo pipefail
# (abridged) docker-library/mongo docker-entrypoint.sh

if [ "\${1:0:1}" = '-' ]; then
	set -- mongod "$@"
fi

exec "$@"
`;

/** mongo:8.0.4 (noble). */
export const MONGO_8_LAYERS: SeedLayer[] = [
  layer('mongo-8.0.4-user', run('set -eux; groupadd --gid 999 --system mongodb; useradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; mkdir -p /data/db /data/configdb; chown -R mongodb:mongodb /data/db /data/configdb'), 3_402, 1_211,
    [file('/etc/passwd', NOBLE_PASSWD + 'mongodb:x:999:999::/data/db:/bin/sh\n'), dir('/data'), dir('/data/db'), dir('/data/configdb')]),
  layer('mongo-8.0.4-apt', run('set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates jq numactl procps; rm -rf /var/lib/apt/lists/*'), 5_943_296, 2_230_771,
    [...bins('/usr/bin', 'procps', 'ps:146128 top:133752 free:26880'), bin('/usr/bin/jq', 'jq', 31_040)]),
  layer('mongo-8.0.4-gosu', run('set -eux; (gosu and js-yaml download and verify); gosu --version; gosu nobody true'), 5_210_112, 1_937_455,
    [bin('/usr/local/bin/gosu', 'gosu', 2_383_872), dir('/js-yaml'), file('/js-yaml/js-yaml.js', '/* js-yaml 3.13.1 (stand-in) */\n')]),
  layer('mongo-8.0.4-initdb-d', run('mkdir /docker-entrypoint-initdb.d'), 0, 115, [dir('/docker-entrypoint-initdb.d')]),
  layer('mongo-8.0.4-gpg', run('set -ex; export GNUPGHOME="$(mktemp -d)"; set -- \'4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05\'; for key; do gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; done; mkdir -p /etc/apt/keyrings; gpg --batch --export "$@" > /etc/apt/keyrings/mongodb.gpg; gpgconf --kill all; rm -rf "$GNUPGHOME"'), 1_163, 1_380,
    [dir('/etc/apt/keyrings'), { path: '/etc/apt/keyrings/mongodb.gpg', kind: 'file', content: '(OpenPGP keyring stand-in)\n', size: 1_163 }]),
  layer('mongo-8.0.4-sources', run('echo "deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://$MONGO_REPO/apt/ubuntu noble/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list"'), 94, 222,
    [file('/etc/apt/sources.list.d/mongodb-org.list', 'deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://repo.mongodb.org/apt/ubuntu noble/mongodb-org/8.0 multiverse\n')]),
  layer('mongo-8.0.4-install', run('set -x && export DEBIAN_FRONTEND=noninteractive && apt-get update && apt-get install -y ${MONGO_PACKAGE}=$MONGO_VERSION ${MONGO_PACKAGE}-server=$MONGO_VERSION ${MONGO_PACKAGE}-shell=$MONGO_VERSION ${MONGO_PACKAGE}-mongos=$MONGO_VERSION ${MONGO_PACKAGE}-tools=$MONGO_VERSION && rm -f /usr/local/bin/systemctl && rm -rf /var/lib/apt/lists/* && rm -rf /var/lib/mongodb && mv /etc/mongod.conf /etc/mongod.conf.orig'), 762_716_160, 275_404_337,
    [...bins('/usr/bin', 'mongodb-org-server', 'mongod:186229632'), ...bins('/usr/bin', 'mongodb-mongosh', 'mongosh:118231040'), ...bins('/usr/bin', 'mongodb-org-mongos', 'mongos:136011520'),
      file('/etc/mongod.conf.orig', '# mongod.conf\n\n# for documentation of all options, see:\n#   http://docs.mongodb.org/manual/reference/configuration-options/\n')]),
  layer('mongo-8.0.4-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 14_602, 4_812,
    [exe('/usr/local/bin/docker-entrypoint.sh', MONGO_ENTRYPOINT)]),
];
