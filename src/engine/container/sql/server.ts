// A SQL client's request to a postgres or mysql/mariadb server container: connect (role, password, database), run statements, errors in the server's words.
import type { EngineState } from '../../state';
import { readServerFile } from '../server-files';
import { containerById } from '../../container-table';
import { execute, type Database, type Dialect, type SqlResult } from './exec';
import { SqlError, parseStatement, splitStatements } from './parse';
import { MYSQL_DIR, MYSQL_SYSTEM, PG_SYSTEM, mysqlStore, pgStore } from './store';

export interface SqlRequest {
  user: string;
  /** null = no password given (mysql without -p). */
  password: string | null;
  db: string | null;
  sql: string;
  /** The client's own catalog queries (psql's \l and \dt ask through SHOW, which postgres' SQL does not have). */
  meta?: boolean;
}

/** A server error: mysql's errno and SQLSTATE, or postgres' severity; the message as the server words it. */
export interface SqlFailure {
  errno?: number;
  sqlstate?: string;
  severity?: 'ERROR' | 'FATAL';
  message: string;
}

export type SqlReply =
  | { connected: false; error: SqlFailure }
  | { connected: true; dialect: Dialect; server: 'postgres' | 'mysql' | 'mariadb'; version: string; results: ({ result: SqlResult } | { error: SqlFailure })[]; db: string | null };

const envOf = (env: string[], name: string) => env.find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';

export const pgDataDir = (env: string[]) => envOf(env, 'PGDATA') || '/var/lib/postgresql/data';

const SUBSET = 'CREATE/DROP DATABASE and TABLE, INSERT, SELECT, UPDATE, DELETE, SHOW DATABASES/TABLES, USE, DESCRIBE';

function pgError(e: SqlError): SqlFailure {
  const m = (message: string): SqlFailure => ({ severity: 'ERROR', message });
  switch (e.code) {
    case 'syntax': return m(e.arg ? `syntax error at or near "${e.arg}"` : 'syntax error at end of input');
    case 'unsupported': return m(`dockerlings: ${e.arg} is beyond the small SQL subset this simulated server runs (${SUBSET})`);
    case 'no-table': return m(`relation "${e.arg}" does not exist`);
    case 'table-exists': return m(`relation "${e.arg}" already exists`);
    case 'no-db': return m(`database "${e.arg}" does not exist`);
    case 'db-exists': return m(`database "${e.arg}" already exists`);
    case 'no-column': return m(`column "${e.arg}" ${e.arg2 ? `of relation "${e.arg2}" ` : ''}does not exist`);
    case 'count': return m(e.arg === 'more' ? 'INSERT has more expressions than target columns' : 'INSERT has more target columns than expressions');
    case 'no-db-selected': return m('no database selected');
    case 'not-null': return m(`null value in column "${e.arg}" of relation "${e.arg2}" violates not-null constraint`);
    case 'duplicate': return m(`duplicate key value violates unique constraint "${e.arg2.replace('.', '_')}_key"`);
    case 'bad-value': return m(e.arg.startsWith('too long:') ? `value too long for type character varying(${e.arg.slice(9)})` : `invalid input syntax for type ${e.arg}: "${e.arg2}"`);
  }
}

function mysqlError(e: SqlError, db: string | null, server: 'mysql' | 'mariadb'): SqlFailure {
  const m = (errno: number, sqlstate: string, message: string): SqlFailure => ({ errno, sqlstate, message });
  switch (e.code) {
    case 'syntax': return m(1064, '42000', `You have an error in your SQL syntax; check the manual that corresponds to your ${server === 'mysql' ? 'MySQL' : 'MariaDB'} server version for the right syntax to use near '${e.arg2}' at line 1`);
    case 'unsupported': return m(1235, '42000', `dockerlings: ${e.arg} is beyond the small SQL subset this simulated server runs (${SUBSET})`);
    case 'no-table': return m(1146, '42S02', `Table '${e.arg2 || db}.${e.arg}' doesn't exist`);
    case 'table-exists': return m(1050, '42S01', `Table '${e.arg}' already exists`);
    case 'no-db': return e.arg2 === 'drop' ? m(1008, 'HY000', `Can't drop database '${e.arg}'; database doesn't exist`) : m(1049, '42000', `Unknown database '${e.arg}'`);
    case 'db-exists': return m(1007, 'HY000', `Can't create database '${e.arg}'; database exists`);
    case 'no-column': return m(1054, '42S22', `Unknown column '${e.arg}' in 'field list'`);
    case 'count': return m(1136, '21S01', `Column count doesn't match value count at row ${e.arg2 || 1}`);
    case 'no-db-selected': return m(1046, '3D000', 'No database selected');
    case 'not-null': return m(1048, '23000', `Column '${e.arg}' cannot be null`);
    case 'duplicate': return m(1062, '23000', `Duplicate entry '${e.arg}' for key '${e.arg2.split('.')[0]}.PRIMARY'`);
    case 'bad-value': return m(1406, '22001', `Data too long for column '${e.arg2}' at row 1`);
  }
}

function readJson(text: string | null): Record<string, string> {
  try {
    return text ? (JSON.parse(text) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Serve one client request against the server in container `id` (postgres, mysqld or mariadbd). */
export function sqlRequest(s: EngineState, id: string, req: SqlRequest): SqlReply {
  const c = containerById(s, id);
  const program = c?.process?.program ?? '';
  const env = c?.config.Env ?? [];
  if (!c) return { connected: false, error: { message: 'server is gone' } };
  const pg = program === 'postgres';
  const server = pg ? 'postgres' : program === 'mariadbd' ? 'mariadb' : 'mysql';
  const dataDir = pg ? pgDataDir(env) : MYSQL_DIR;
  if (pg) {
    const roles = readJson(readServerFile(s, c, `${dataDir}/global/1260`));
    if (!Object.hasOwn(roles, req.user)) return { connected: false, error: { severity: 'FATAL', message: `role "${req.user}" does not exist` } };
  } else {
    const users = readJson(readServerFile(s, c, `${MYSQL_DIR}/mysql.ibd`));
    const known = Object.hasOwn(users, req.user);
    if (!known || users[req.user] !== (req.password ?? '')) {
      return { connected: false, error: { errno: 1045, sqlstate: '28000', message: `Access denied for user '${req.user}'@'localhost' (using password: ${req.password ? 'YES' : 'NO'})` } };
    }
  }
  const store = pg ? pgStore(s, c, dataDir) : mysqlStore(s, c);
  const dbs = store.load();
  const before: Record<string, Database> = JSON.parse(JSON.stringify(dbs));
  const system = pg ? PG_SYSTEM : MYSQL_SYSTEM;
  let db = req.db;
  if (db !== null && !dbs[db] && !system.includes(db)) {
    return { connected: false, error: pg ? { severity: 'FATAL', message: `database "${db}" does not exist` } : { errno: 1049, sqlstate: '42000', message: `Unknown database '${db}'` } };
  }
  const version = pg ? pgVersion(env) : server === 'mariadb' ? mariadbVersion(env) : mysqlVersion(env);
  const results: ({ result: SqlResult } | { error: SqlFailure })[] = [];
  for (const text of splitStatements(req.sql)) {
    try {
      const st = parseStatement(text);
      if (pg && !req.meta && (st.k === 'use' || st.k === 'show-databases' || st.k === 'show-tables' || st.k === 'describe')) throw new SqlError('syntax', text.trim().split(/\s+/)[0]);
      if (pg && st.k === 'drop-db' && st.name === db) throw new SqlError('unsupported', 'dropping the database you are connected to');
      const r = execute(st, { dialect: pg ? 'postgres' : 'mysql', db, dbs, system, now: new Date(s.clock).toISOString(), user: req.user, version });
      if (r.k === 'use') db = r.db;
      results.push({ result: r });
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      results.push({ error: server === 'postgres' ? pgError(e) : mysqlError(e, db, server) });
      break;
    }
  }
  store.save(before, dbs);
  return { connected: true, dialect: pg ? 'postgres' : 'mysql', server, version, results, db };
}

function pgVersion(env: string[]): string {
  const v = envOf(env, 'PG_VERSION') || '17.2';
  const debian = v.includes('pgdg');
  return `PostgreSQL ${v.split('-')[0]}${debian ? ` (Debian ${v})` : ''} on x86_64-pc-linux-gnu, compiled by ${debian ? 'gcc (Debian 12.2.0-14) 12.2.0' : 'gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309'}, 64-bit`;
}

export const mariadbVersion = (env: string[]) => (envOf(env, 'MARIADB_VERSION') || '1:11.6.2+maria~ubu2404').replace(/^\d+:/, '').replace(/\+maria~(\w+)$/, '-MariaDB-$1');
export const mysqlVersion = (env: string[]) => envOf(env, 'MYSQL_VERSION').replace(/-\d+\.el\d+$/, '') || '9.1.0';
