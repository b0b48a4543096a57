// Database servers as simulated programs: postgres, mariadbd and mongod 8, with their entrypoints' password checks.
import type { Program, ProgramContext } from './program';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };
const out = (delay: number, stream: Line['stream'], ...texts: string[]): Line[] => texts.map((text) => ({ delay, stream, text: text + '\n' }));

/** The value of an environment variable the container was started with ('' when unset). */
export const envOf = (ctx: ProgramContext, name: string): string =>
  (ctx.env ?? []).find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';

const at = (ctx: ProgramContext, ms: number) => new Date(Date.parse(ctx.time) + ms).toISOString();
const graceful = (ok: string[]) => (sig: string) => (ok.includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 143);

// docker-library/postgres docker-entrypoint.sh, docker_verify_minimum_env (heredoc, tabs stripped by <<-)
export const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const pgReady = (ctx: ProgramContext): boolean => envOf(ctx, 'POSTGRES_PASSWORD') !== '' || envOf(ctx, 'POSTGRES_HOST_AUTH_METHOD') === 'trust';

function postgresLogs(ctx: ProgramContext): Line[] {
  if (!pgReady(ctx)) return [{ delay: 0, stream: 'stderr', text: POSTGRES_NO_PASSWORD }];
  const version = envOf(ctx, 'PG_VERSION') || '17.2';
  const full = version.includes('pgdg') ? `${version.split('-')[0]} (Debian ${version})` : version;
  const gcc = version.includes('pgdg') ? 'gcc (Debian 12.2.0-14) 12.2.0' : 'gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309';
  const t = (ms: number) => at(ctx, ms).slice(0, 23).replace('T', ' ') + ' UTC';
  const log = (ms: number, pid: number, msg: string) => `${t(ms)} [${pid}] LOG:  ${msg}`;
  const db = envOf(ctx, 'POSTGRES_DB');
  const user = envOf(ctx, 'POSTGRES_USER');
  return [
    ...out(0, 'stdout', 'The files belonging to this database system will be owned by user "postgres".', 'This user must also own the server process.', '',
      'The database cluster will be initialized with locale "en_US.utf8".', 'The default database encoding has accordingly been set to "UTF8".',
      'The default text search configuration will be set to "english".', '', 'Data page checksums are disabled.', '',
      'fixing permissions on existing directory /var/lib/postgresql/data ... ok', 'creating subdirectories ... ok',
      'selecting dynamic shared memory implementation ... posix', 'selecting default "max_connections" ... 100',
      'selecting default "shared_buffers" ... 128MB', 'selecting default time zone ... Etc/UTC', 'creating configuration files ... ok',
      'running bootstrap script ... ok', 'performing post-bootstrap initialization ... ok', 'syncing data to disk ... ok', '', '',
      'Success. You can now start the database server using:', '', '    pg_ctl -D /var/lib/postgresql/data -l logfile start', ''),
    ...out(900, 'stderr', 'initdb: warning: enabling "trust" authentication for local connections',
      'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.'),
    ...out(1000, 'stdout', 'waiting for server to start....'),
    ...out(1100, 'stderr', log(1100, 48, `starting PostgreSQL ${full} on x86_64-pc-linux-gnu, compiled by ${gcc}, 64-bit`),
      log(1100, 48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'), log(1110, 51, `database system was shut down at ${t(950).replace(/\.\d+ /, ' ')}`),
      log(1120, 48, 'database system is ready to accept connections')),
    ...out(1200, 'stdout', ' done', 'server started', ...(db && db !== (user || 'postgres') ? ['CREATE DATABASE', ''] : []), '',
      '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*', '', 'waiting for server to shut down....'),
    ...out(1300, 'stderr', log(1300, 48, 'received fast shutdown request'), log(1300, 48, 'aborting any active transactions'),
      log(1300, 48, 'background worker "logical replication launcher" (PID 54) exited with exit code 1'), log(1300, 49, 'shutting down'),
      log(1310, 49, 'checkpoint starting: shutdown immediate'), log(1400, 48, 'database system is shut down')),
    ...out(1500, 'stdout', ' done', 'server stopped', '', 'PostgreSQL init process complete; ready for start up.', ''),
    ...out(1600, 'stderr', log(1600, 1, `starting PostgreSQL ${full} on x86_64-pc-linux-gnu, compiled by ${gcc}, 64-bit`),
      log(1600, 1, 'listening on IPv4 address "0.0.0.0", port 5432'), log(1600, 1, 'listening on IPv6 address "::", port 5432'),
      log(1600, 1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'), log(1610, 64, `database system was shut down at ${t(1400).replace(/\.\d+ /, ' ')}`),
      log(1620, 1, 'database system is ready to accept connections')),
  ];
}

const mdbTime = (ctx: ProgramContext, ms: number) => at(ctx, ms).slice(0, 19).replace('T', ' ');

function mariadbLogs(ctx: ProgramContext): Line[] {
  const version = envOf(ctx, 'MARIADB_VERSION') || '1:11.6.2+maria~ubu2404';
  const short = version.replace(/^\d+:/, '').replace(/\+maria~(\w+)$/, '-MariaDB-$1');
  const note = (ms: number, msg: string, level = 'Note') => `${mdbTime(ctx, ms)}+00:00 [${level}] [Entrypoint]: ${msg}`;
  const head = [
    ...out(0, 'stdout', note(0, `Entrypoint script for MariaDB Server ${version} started.`)),
    ...out(0, 'stderr', note(0, '/sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB', 'Warn')),
    ...out(100, 'stdout', note(100, "Switching to dedicated user 'mysql'"), note(100, `Entrypoint script for MariaDB Server ${version} started.`)),
  ];
  const has = (n: string) => envOf(ctx, `MARIADB_${n}`) !== '' || envOf(ctx, `MYSQL_${n}`) !== '';
  if (!has('ROOT_PASSWORD') && !has('ROOT_PASSWORD_HASH') && !has('ALLOW_EMPTY_ROOT_PASSWORD') && !has('RANDOM_ROOT_PASSWORD')) {
    return [...head, ...out(200, 'stderr', `${mdbTime(ctx, 200)}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD')];
  }
  const srv = (ms: number, msg: string) => `${mdbTime(ctx, ms)} 0 [Note] ${msg}`;
  return [
    ...head,
    ...out(200, 'stdout', note(200, 'Initializing database files'), note(1200, 'Database files initialized'), note(1200, 'Starting temporary server'),
      note(1200, 'Waiting for server startup'), note(2200, 'Temporary server started.'), note(2300, 'Setting root password'),
      ...(envOf(ctx, 'MARIADB_DATABASE') || envOf(ctx, 'MYSQL_DATABASE') ? [note(2300, `Creating database ${envOf(ctx, 'MARIADB_DATABASE') || envOf(ctx, 'MYSQL_DATABASE')}`)] : []),
      note(2400, 'Stopping temporary server'), note(3200, 'Temporary server stopped'), '', note(3200, 'MariaDB init process done. Ready for start up.'), ''),
    ...out(3300, 'stderr', srv(3300, `Starting MariaDB ${short} source revision 0000000000000000000000000000000000000000 server_uid 0000000000000000000000000000= as process 1`),
      srv(3300, 'InnoDB: Compressed tables use zlib 1.3'), srv(3300, 'InnoDB: Number of transaction pools: 1'),
      srv(3400, 'InnoDB: Buffer pool(s) load completed'), srv(3400, "Server socket created on IP: '0.0.0.0', port: '3306'."),
      srv(3400, "Server socket created on IP: '::', port: '3306'."), srv(3400, 'mariadbd: ready for connections.'),
      `Version: '${short}'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`),
  ];
}

const mariadbOk = (ctx: ProgramContext) => mariadbLogs(ctx).some((l) => l.text.includes('ready for connections'));

/** One line of mongod's JSON log, padded as mongod pads it ("c" and "id" in aligned columns). */
function mongoJson(ctx: ProgramContext, ms: number, c: string, id: number, logCtx: string, msg: string, attr?: object): string {
  const t = at(ctx, ms).replace('Z', '+00:00');
  const pad = (field: string, width: number) => field + ' '.repeat(Math.max(1, width - field.length));
  return `{"t":{"$date":"${t}"},"s":"I",  ${pad(`"c":"${c}",`, 16)}${pad(`"id":${id},`, 14)}"ctx":"${logCtx}","msg":${JSON.stringify(msg)}${attr ? `,"attr":${JSON.stringify(attr)}` : ''}}`;
}

/** mongod: the 3.x plain-text log for old images, the JSON log of 4.4+ otherwise (MONGO_MAJOR tells them apart). */
function mongodLogs(ctx: ProgramContext): Line[] {
  const major = envOf(ctx, 'MONGO_MAJOR');
  if (major === '' || major.startsWith('3.')) {
    return out(0, 'stdout', 'I CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit', 'I NETWORK  [thread1] waiting for connections on port 27017');
  }
  const version = envOf(ctx, 'MONGO_VERSION');
  const j = (ms: number, c: string, id: number, lc: string, msg: string, attr?: object) => mongoJson(ctx, ms, c, id, lc, msg, attr);
  return out(0, 'stdout',
    j(0, 'CONTROL', 23285, 'main', "Automatically disabling TLS 1.0 and TLS 1.1, to force-enable TLS 1.1 specify --sslDisabledProtocols 'TLS1_0'; to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"),
    j(10, 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: 1, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: ctx.hostname }),
    j(10, 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version, gitVersion: '0000000000000000000000000000000000000000', openSSLVersion: 'OpenSSL 3.0.13 30 Jan 2024', modules: [], allocator: 'tcmalloc-google', environment: { distmod: 'ubuntu2404', distarch: 'x86_64', target_arch: 'x86_64' } } }),
    j(10, 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options: { net: { bindIp: '*' } } }),
    j(600, 'NETWORK', 23015, 'listener', 'Listening on', { address: '/tmp/mongodb-27017.sock' }),
    j(600, 'NETWORK', 23015, 'listener', 'Listening on', { address: '0.0.0.0' }),
    j(600, 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' }),
  );
}

export const DB_PROGRAMS: Record<string, Program> = {
  postgres: {
    startLogs: (_a, ctx) => postgresLogs(ctx),
    runsFor: (_a, ctx) => (pgReady(ctx) ? null : 0),
    exitCode: 0,
    exitCodeFor: (_a, ctx) => ({ code: pgReady(ctx) ? 0 : 1, oom: false }),
    onSignal: graceful(['SIGINT', 'SIGTERM', 'SIGQUIT']),
  },
  mariadbd: {
    startLogs: (_a, ctx) => mariadbLogs(ctx),
    runsFor: (_a, ctx) => (mariadbOk(ctx) ? null : 200),
    exitCode: 0,
    exitCodeFor: (_a, ctx) => ({ code: mariadbOk(ctx) ? 0 : 1, oom: false }),
    onSignal: graceful(['SIGTERM', 'SIGINT', 'SIGQUIT']),
  },
  mongod: {
    startLogs: (_a, ctx) => mongodLogs(ctx),
    runsFor: () => null,
    exitCode: 0,
    onSignal: graceful(['SIGTERM', 'SIGINT']),
  },
};
