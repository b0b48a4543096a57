// mysqld (the mysql image, Oracle Linux) as a simulated program, and the data directory both mysql and mariadb initialise.
import type { Program, ProgramContext } from './program';
import { envOf } from './programs-db-env';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };
const out = (delay: number, stream: Line['stream'], ...texts: string[]): Line[] => texts.map((text) => ({ delay, stream, text: text + '\n' }));
const at = (ctx: ProgramContext, ms: number) => new Date(Date.parse(ctx.time) + ms).toISOString();

/** The data directory holds a server's system tables already (a volume from an earlier container): no init. */
export const mysqlExists = (ctx: ProgramContext) => (ctx.read?.('/var/lib/mysql/mysql.ibd') ?? null) !== null;

/** MYSQL_RANDOM_ROOT_PASSWORD's generated password: 32 characters, fixed per container (its hostname) so replays agree. */
export function generatedPassword(ctx: ProgramContext): string {
  const abc = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let h = 2166136261;
  let pw = '';
  for (let i = 0; i < 32; i++) {
    for (const ch of ctx.hostname + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    pw += abc[h % abc.length];
  }
  return pw;
}

/** mysql_get_config-style lookup of MYSQL_x or MARIADB_x (mariadb accepts both). */
export const dbEnv = (ctx: ProgramContext, name: string, mariadb: boolean) => (mariadb ? envOf(ctx, `MARIADB_${name}`) : '') || envOf(ctx, `MYSQL_${name}`);

/** The root password the entrypoint sets ('' with ALLOW_EMPTY), or null when none of the options is given. */
export function rootPassword(ctx: ProgramContext, mariadb: boolean): string | null {
  const pw = dbEnv(ctx, 'ROOT_PASSWORD', mariadb);
  if (pw) return pw;
  if (dbEnv(ctx, mariadb ? 'ALLOW_EMPTY_ROOT_PASSWORD' : 'ALLOW_EMPTY_PASSWORD', mariadb) || (mariadb && envOf(ctx, 'MYSQL_ALLOW_EMPTY_PASSWORD'))) return '';
  if (dbEnv(ctx, 'RANDOM_ROOT_PASSWORD', mariadb)) return generatedPassword(ctx);
  return null;
}

/** What initialisation leaves in /var/lib/mysql: system schemas, InnoDB files, accounts (mysql.ibd, a readable stand-in), MYSQL_DATABASE. */
export function mysqlInitFiles(ctx: ProgramContext, mariadb: boolean): { path: string; content?: string; dir?: boolean }[] {
  const d = '/var/lib/mysql';
  const users: Record<string, string> = { root: rootPassword(ctx, mariadb) ?? '' };
  const user = dbEnv(ctx, 'USER', mariadb);
  if (user && user !== 'root') users[user] = dbEnv(ctx, 'PASSWORD', mariadb);
  const db = dbEnv(ctx, 'DATABASE', mariadb);
  const sys = mariadb ? ['mysql', 'performance_schema', 'sys'] : ['mysql', 'performance_schema', 'sys', '#innodb_redo', '#innodb_temp'];
  return [
    ...sys.map((x) => ({ path: `${d}/${x}`, dir: true })),
    { path: `${d}/mysql.ibd`, content: JSON.stringify(users) },
    { path: `${d}/mysql/db.ibd`, content: JSON.stringify(user && user !== 'root' ? { [user]: db ? [db] : [] } : {}) },
    { path: `${d}/ibdata1`, content: '' },
    ...(mariadb ? [{ path: `${d}/aria_log_control`, content: '' }, { path: `${d}/ib_logfile0`, content: '' }, { path: `${d}/ddl_recovery.log`, content: '' }]
      : [{ path: `${d}/auto.cnf`, content: '[auto]\nserver-uuid=5b1f1c2e-0000-11ef-8000-0242ac110002\n' }, { path: `${d}/undo_001`, content: '' }, { path: `${d}/undo_002`, content: '' }, { path: `${d}/binlog.000001`, content: '' }, { path: `${d}/binlog.index`, content: './binlog.000001\n' }]),
    ...(db ? [{ path: `${d}/${db}`, dir: true }] : []),
  ];
}

// docker-library/mysql docker-entrypoint.sh, docker_verify_minimum_env
const MYSQL_NO_PASSWORD = 'Database is uninitialized and password option is not specified\n\tYou need to specify one of the following as an environment variable:\n\t- MYSQL_ROOT_PASSWORD\n\t- MYSQL_ALLOW_EMPTY_PASSWORD\n\t- MYSQL_RANDOM_ROOT_PASSWORD';

const ok = (ctx: ProgramContext) => mysqlExists(ctx) || rootPassword(ctx, false) !== null;

function mysqlLogs(ctx: ProgramContext): Line[] {
  const version = envOf(ctx, 'MYSQL_VERSION') || '9.1.0-1.el9';
  const short = version.replace(/-\d+\.el\d+$/, '');
  const day = (ms: number) => at(ctx, ms).slice(0, 19).replace('T', ' ') + '+00:00';
  const note = (ms: number, msg: string, level = 'Note') => `${day(ms)} [${level}] [Entrypoint]: ${msg}`;
  const srv = (ms: number, thread: number, level: string, code: string, sub: string, msg: string) => `${at(ctx, ms).slice(0, 23)}000Z ${thread} [${level}] [${code}] [${sub}] ${msg}`;
  const head = [...out(0, 'stdout', note(0, `Entrypoint script for MySQL Server ${version} started.`), note(100, "Switching to dedicated user 'mysql'"), note(100, `Entrypoint script for MySQL Server ${version} started.`))];
  if (!ok(ctx)) return [...head, ...out(200, 'stderr', note(200, MYSQL_NO_PASSWORD, 'ERROR'))];
  const start = (ms: number): Line[] => [
    ...out(ms, 'stderr', srv(ms, 0, 'System', 'MY-015015', 'Server', 'MySQL Server - start.'),
      srv(ms, 0, 'System', 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${short}) starting as process 1`),
      srv(ms + 10, 1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
      srv(ms + 400, 1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
      srv(ms + 600, 0, 'Warning', 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.'),
      srv(ms + 600, 0, 'System', 'MY-013602', 'Server', 'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.'),
      srv(ms + 600, 0, 'Warning', 'MY-011810', 'Server', "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory."),
      srv(ms + 700, 0, 'System', 'MY-011323', 'Server', 'X Plugin ready for connections. Bind-address: \'::\' port: 33060, socket: /var/run/mysqld/mysqlx.sock'),
      srv(ms + 700, 0, 'System', 'MY-010931', 'Server', `/usr/sbin/mysqld: ready for connections. Version: '${short}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`)),
  ];
  if (mysqlExists(ctx)) return [...head, ...start(300)];
  const db = dbEnv(ctx, 'DATABASE', false);
  const user = dbEnv(ctx, 'USER', false);
  const random = !dbEnv(ctx, 'ROOT_PASSWORD', false) && !dbEnv(ctx, 'ALLOW_EMPTY_PASSWORD', false);
  return [
    ...head,
    ...out(200, 'stdout', note(200, 'Initializing database files')),
    ...out(200, 'stderr', srv(200, 0, 'System', 'MY-015017', 'Server', 'MySQL Server Initialization - start.'),
      srv(210, 0, 'System', 'MY-013169', 'Server', `/usr/sbin/mysqld (mysqld ${short}) initializing of server in progress as process 80`),
      srv(220, 1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'), srv(900, 1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
      srv(2500, 6, 'Warning', 'MY-010453', 'Server', 'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.'),
      srv(4500, 0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.')),
    ...out(4500, 'stdout', note(4500, 'Database files initialized'), note(4500, 'Starting temporary server')),
    ...out(5500, 'stdout', note(5500, 'Temporary server started.'), "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'"),
    ...out(5600, 'stderr', "Warning: Unable to load '/usr/share/zoneinfo/iso3166.tab' as time zone. Skipping it.", "Warning: Unable to load '/usr/share/zoneinfo/leap-seconds.list' as time zone. Skipping it.",
      "Warning: Unable to load '/usr/share/zoneinfo/leapseconds' as time zone. Skipping it.", "Warning: Unable to load '/usr/share/zoneinfo/tzdata.zi' as time zone. Skipping it.",
      "Warning: Unable to load '/usr/share/zoneinfo/zone.tab' as time zone. Skipping it.", "Warning: Unable to load '/usr/share/zoneinfo/zone1970.tab' as time zone. Skipping it."),
    ...out(7000, 'stdout', ...(random ? [note(7000, `GENERATED ROOT PASSWORD: ${generatedPassword(ctx)}`)] : []), ...(db ? [note(7000, `Creating database ${db}`)] : []),
      ...(user ? [note(7000, `Creating user ${user}`), ...(db ? [note(7000, `Giving user ${user} access to schema ${db}`)] : [])] : []), '',
      note(7000, 'Stopping temporary server'), note(8500, 'Temporary server stopped'), '', note(8500, 'MySQL init process done. Ready for start up.'), ''),
    ...start(8600),
  ];
}

export const MYSQLD: Program = {
  startLogs: (_a, ctx) => mysqlLogs(ctx),
  startFiles: (_r, _a, ctx) => (ok(ctx) && !mysqlExists(ctx) ? mysqlInitFiles(ctx, false) : []),
  runsFor: (_a, ctx) => (ok(ctx) ? null : 200),
  exitCode: 0,
  exitCodeFor: (_a, ctx) => ({ code: ok(ctx) ? 0 : 1, oom: false }),
  onSignal: (sig) => (['SIGTERM', 'SIGINT', 'SIGQUIT'].includes(sig) ? 0 : sig === 'SIGKILL' ? 137 : 143),
};
