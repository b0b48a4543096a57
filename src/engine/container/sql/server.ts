// A SQL client's request to a postgres or mysql/mariadb server container: connect (role, password, database), run statements, errors in the server's words.
import type { EngineState } from '../../state';
import { readServerFile, writeServerFile } from '../../server-files';
import { containerById } from '../../container-table';
import { execute, type Database, type Dialect, type SqlResult } from './exec';
import { SqlError, TABLE_PRIVS, parseStatement, splitStatements, type Stmt } from './parse';
import { mysqlError, pgError, type SqlFailure } from './errors';
import { MYSQL_DIR, MYSQL_GRANTS, MYSQL_SYSTEM, PG_SYSTEM, mysqlStore, pgStore } from './store';

export interface SqlRequest {
  user: string;
  /** null = no password given (mysql without -p). */
  password: string | null;
  db: string | null;
  sql: string;
  /** The client's own catalog queries (psql's \l and \dt ask through SHOW, which postgres' SQL does not have). */
  meta?: boolean;
  /** The connection's open transaction, if any (the client keeps it between requests). */
  tx?: SqlTx | null;
  /** mysql: the connection logged in already (its password was checked once and is not kept, nor journaled). */
  trusted?: boolean;
}

export type { SqlFailure };

/** An open transaction of one client connection: its own copy of the databases (others see none of it until COMMIT). */
export interface SqlTx {
  dbs: string;
  /** postgres: a statement failed, so only ROLLBACK (or COMMIT, which rolls back) is accepted. */
  aborted: boolean;
  /** SAVEPOINTs set, oldest first: each with the databases as they were when it was set. */
  savepoints?: { name: string; dbs: string }[];
}

export type SqlReply =
  | { connected: false; error: SqlFailure }
  | { connected: true; dialect: Dialect; server: 'postgres' | 'mysql' | 'mariadb'; version: string; results: ({ result: SqlResult } | { error: SqlFailure })[]; db: string | null; tx: SqlTx | null };

const envOf = (env: string[], name: string) => env.find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';

export const pgDataDir = (env: string[]) => envOf(env, 'PGDATA') || '/var/lib/postgresql/data';

function readJson(text: string | null): Record<string, string> {
  try {
    return text ? (JSON.parse(text) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const clone = (dbs: Record<string, Database>): Record<string, Database> => JSON.parse(JSON.stringify(dbs)) as Record<string, Database>;
const DDL = new Set<Stmt['k']>(['create-db', 'drop-db', 'create-table', 'drop-table', 'alter-table']);

/** Which databases a mysql account may use: all (root, or a data directory without grants), or the ones granted to it. */
function mysqlAllowed(s: EngineState, c: Parameters<typeof readServerFile>[1], user: string): ((db: string) => boolean) {
  const text = readServerFile(s, c, MYSQL_GRANTS);
  if (user === 'root' || text === null) return () => true;
  const grants = readJson(text) as unknown as Record<string, string[]>;
  const mine = Array.isArray(grants[user]) ? grants[user] : [];
  return (db) => db === 'information_schema' || mine.includes(db) || mine.includes('*');
}

/** Serve one client request against the server in container `id` (postgres, mysqld or mariadbd). */
export function sqlRequest(s: EngineState, id: string, req: SqlRequest): SqlReply {
  const c = containerById(s, id);
  const program = c?.process?.program ?? '';
  const env = c?.config.Env ?? [];
  if (!c) return { connected: false, error: { message: 'server is gone' } };
  const pg = program === 'postgres';
  const superuser = envOf(env, 'POSTGRES_USER') || 'postgres';
  const server = pg ? 'postgres' : program === 'mariadbd' ? 'mariadb' : 'mysql';
  const dataDir = pg ? pgDataDir(env) : MYSQL_DIR;
  const rolesFile = `${dataDir}/global/1260`;
  if (pg) {
    const roles = readJson(readServerFile(s, c, rolesFile));
    if (!Object.hasOwn(roles, req.user)) return { connected: false, error: { severity: 'FATAL', message: `role "${req.user}" does not exist` } };
  } else {
    const users = readJson(readServerFile(s, c, `${MYSQL_DIR}/mysql.ibd`));
    const known = Object.hasOwn(users, req.user);
    if (!known || (!req.trusted && users[req.user] !== (req.password ?? ''))) {
      return { connected: false, error: { errno: 1045, sqlstate: '28000', message: `Access denied for user '${req.user}'@'localhost' (using password: ${req.password ? 'YES' : 'NO'})` } };
    }
  }
  const allowed = pg ? () => true : mysqlAllowed(s, c, req.user);
  const store = pg ? pgStore(s, c, dataDir) : mysqlStore(s, c);
  let stored = store.load();
  const before = clone(stored);
  const system = pg ? PG_SYSTEM : MYSQL_SYSTEM;
  let db = req.db;
  if (db !== null && !allowed(db)) return { connected: false, error: mysqlError(new SqlError('denied-db', db), db, server as 'mysql', req.user) };
  if (db !== null && !stored[db] && !system.includes(db)) {
    return { connected: false, error: pg ? { severity: 'FATAL', message: `database "${db}" does not exist` } : { errno: 1049, sqlstate: '42000', message: `Unknown database '${db}'` } };
  }
  const version = pg ? pgVersion(env) : server === 'mariadb' ? mariadbVersion(env) : mysqlVersion(env);
  let tx: SqlTx | null = req.tx ?? null;
  let working = tx ? (JSON.parse(tx.dbs) as Record<string, Database>) : stored;
  const results: ({ result: SqlResult } | { error: SqlFailure })[] = [];
  for (const { text, at } of splitStatements(req.sql)) {
    try {
      const st = parseStatement(text, pg ? 'postgres' : 'mysql');
      if (pg && !req.meta && (st.k === 'use' || st.k === 'show-databases' || st.k === 'show-tables' || st.k === 'describe')) throw new SqlError('syntax', text.trim().split(/\s+/)[0], '', text.length - text.trimStart().length);
      if (pg && st.k === 'drop-db' && st.name === db) throw new SqlError('unsupported', 'dropping the database you are connected to');
      if (tx?.aborted && !(st.k === 'tx' && st.op !== 'begin') && !(st.k === 'savepoint' && st.op === 'rollback')) throw new SqlError('tx-aborted');
      if (!pg && (st.k === 'use' || st.k === 'create-db' || st.k === 'drop-db') && !allowed(st.name)) throw new SqlError('denied-db', st.name);
      if (st.k === 'tx') {
        const r = transaction(st.op, pg);
        results.push({ result: r });
        continue;
      }
      if (st.k === 'savepoint') {
        results.push({ result: savepoint(st.op, st.name) });
        continue;
      }
      if (st.k === 'my-user' || st.k === 'my-grant' || st.k === 'flush') {
        results.push({ result: mysqlAcl(st) });
        continue;
      }
      if (st.k === 'create-role' || st.k === 'drop-role' || st.k === 'grant') {
        results.push({ result: acl(st) });
        continue;
      }
      if (tx && pg && (st.k === 'create-db' || st.k === 'drop-db')) throw new SqlError('in-tx', st.k === 'create-db' ? 'CREATE DATABASE' : 'DROP DATABASE');
      if (tx && !pg && DDL.has(st.k)) transaction('commit', false); // mysql commits before a DDL statement
      const checkAcl = pg && req.user !== superuser;
      const r = execute(st, { dialect: pg ? 'postgres' : 'mysql', db, dbs: working, system, now: new Date(s.clock).toISOString(), user: req.user, version, strictGroup: server !== 'mariadb', checkAcl });
      if (checkAcl && st.k === 'create-table' && db !== null && r.k === 'ok' && working[db]?.[st.name] && !working[db][st.name].owner) working[db][st.name].owner = req.user;
      if (r.k === 'use') db = r.db;
      if (st.k === 'show-databases' && r.k === 'rows') r.rows = r.rows.filter(([n]) => n !== null && (allowed(n) || (n === 'performance_schema' && server === 'mysql')));
      results.push({ result: r });
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      if (tx && pg) tx.aborted = true;
      const lead = text.length - text.trimStart().length;
      if (e.code === 'syntax' && e.pos !== null) e.arg3 = String(text.slice(lead, Math.max(lead, e.pos)).split('\n').length);
      const f = server === 'postgres' ? pgError(e) : mysqlError(e, db, server, req.user);
      if (pg && e.pos !== null) f.position = at + e.pos + 1;
      results.push({ error: f });
      break;
    }
  }
  store.save(before, stored);
  return { connected: true, dialect: pg ? 'postgres' : 'mysql', server, version, results, db, tx: tx ? { ...tx, dbs: JSON.stringify(working) } : null };

  /** SAVEPOINT, ROLLBACK TO and RELEASE: postgres wants a transaction block; mysql sets one outside but keeps it no longer than the statement. */
  function savepoint(op: 'set' | 'rollback' | 'release', name: string): SqlResult {
    const words = { set: 'SAVEPOINT', rollback: 'ROLLBACK TO SAVEPOINT', release: 'RELEASE SAVEPOINT' }[op];
    if (!tx && pg) throw new SqlError('need-tx', words);
    const ok = (tag: string): SqlResult => ({ k: 'ok', tag, affected: 0 });
    const list = tx ? (tx.savepoints ??= []) : [];
    if (op === 'set') {
      if (!pg) list.splice(0, list.length, ...list.filter((p) => p.name !== name)); // mysql: a name set again moves
      list.push({ name, dbs: JSON.stringify(working) });
      return ok('SAVEPOINT');
    }
    const at = list.map((p) => p.name).lastIndexOf(name);
    if (at < 0) throw new SqlError('no-savepoint', name);
    if (op === 'release') {
      list.length = at;
      return ok('RELEASE');
    }
    list.length = at + 1;
    working = JSON.parse(list[at].dbs) as Record<string, Database>;
    if (tx) tx.aborted = false;
    return ok('ROLLBACK');
  }

  /** postgres' CREATE ROLE/USER, DROP ROLE/USER and GRANT/REVOKE on tables (the superuser's; an owner may grant on its own tables). */
  function acl(st: Extract<Stmt, { k: 'create-role' | 'drop-role' | 'grant' }>): SqlResult {
    const roles = readJson(readServerFile(s, c!, rolesFile));
    const ok = (tag: string, notice?: string, noticeLevel?: 'NOTICE'): SqlResult => ({ k: 'ok', tag, affected: 0, ...(notice ? { notice } : {}), ...(noticeLevel ? { noticeLevel } : {}) });
    if (req.user !== superuser && st.k !== 'grant') throw new SqlError('unsupported', 'managing roles as a role that is not the superuser');
    if (st.k === 'create-role') {
      if (Object.hasOwn(roles, st.name)) throw new SqlError('role-exists', st.name);
      writeRoles({ ...roles, [st.name]: st.password ?? '' });
      return ok('CREATE ROLE');
    }
    if (st.k === 'drop-role') {
      const gone = st.names.filter((n) => !Object.hasOwn(roles, n));
      if (gone.length && !st.ifExists) throw new SqlError('no-role', gone[0]);
      const left = { ...roles };
      for (const n of st.names) delete left[n];
      writeRoles(left);
      return gone.length ? ok('DROP ROLE', `role "${gone[0]}" does not exist, skipping`, 'NOTICE') : ok('DROP ROLE');
    }
    if (db === null) throw new SqlError('no-db-selected');
    const tables = st.tables === 'all' ? Object.keys(working[db] ?? {}).map((name) => ({ name, pos: 0 })) : st.tables;
    for (const t of tables) if (!working[db]?.[t.name]) throw new SqlError('no-table', t.name, db);
    for (const r of st.roles) if (r !== 'public' && !Object.hasOwn(roles, r)) throw new SqlError('no-role', r);
    const privs = st.privs.includes('ALL') ? TABLE_PRIVS : st.privs;
    for (const p of privs) {
      if (!TABLE_PRIVS.includes(p)) throw /^(EXECUTE|USAGE|CREATE|TEMPORARY|TEMP|CONNECT|SET)$/.test(p) ? new SqlError('bad-privilege', p) : new SqlError('bad-privilege', p.toLowerCase(), 'unrecognized');
    }
    const tag = st.revoke ? 'REVOKE' : 'GRANT';
    for (const t of tables) {
      const table = working[db][t.name];
      if (req.user !== superuser && table.owner !== req.user) return ok(tag, st.revoke ? `no privileges could be revoked for "${t.name}"` : `no privileges were granted for "${t.name}"`);
      const entries = { ...(table.acl ?? {}) };
      for (const r of st.roles) {
        const had = entries[r] ?? [];
        const next = st.revoke ? had.filter((p) => !privs.includes(p)) : TABLE_PRIVS.filter((p) => had.includes(p) || privs.includes(p));
        if (next.length) entries[r] = next;
        else delete entries[r];
      }
      table.acl = entries;
    }
    return ok(tag);
  }

  /** mysql's CREATE USER, DROP USER, GRANT and REVOKE (root's), kept in the user table and the database grants. */
  function mysqlAcl(st: Extract<Stmt, { k: 'my-user' | 'my-grant' | 'flush' }>): SqlResult {
    const ok: SqlResult = { k: 'ok', tag: 'OK', affected: 0 };
    if (st.k === 'flush') return ok;
    const usersFile = `${MYSQL_DIR}/mysql.ibd`;
    const users = readJson(readServerFile(s, c!, usersFile));
    const grants = readJson(readServerFile(s, c!, MYSQL_GRANTS)) as unknown as Record<string, string[]>;
    const named = (u: { user: string; host: string }) => `'${u.user}'@'${u.host}'`;
    if (st.k === 'my-user') {
      if (req.user !== 'root') throw new SqlError('need-priv', 'CREATE USER');
      const failed = st.users.filter((u) => Object.hasOwn(users, u.user) === (st.op === 'create'));
      if (failed.length && !st.ifClause) throw new SqlError('account-op', st.op === 'create' ? 'CREATE USER' : 'DROP USER', failed.map(named).join(','));
      for (const u of st.users) {
        if (st.op === 'create') users[u.user] ??= st.password;
        else (delete users[u.user], delete grants[u.user]);
      }
      writeServerFile(s, c!, usersFile, JSON.stringify(users), 0o640);
      writeServerFile(s, c!, MYSQL_GRANTS, JSON.stringify(grants), 0o640);
      return ok;
    }
    const target = st.db ?? db;
    if (target === null) throw new SqlError('no-db-selected');
    if (req.user !== 'root') throw new SqlError('denied-db', target);
    for (const u of st.users) {
      if (!Object.hasOwn(users, u.user)) throw st.revoke ? new SqlError('no-grant', u.user, u.host) : new SqlError('grant-new-user');
      const mine = Array.isArray(grants[u.user]) ? grants[u.user] : [];
      if (st.revoke && !mine.includes(target)) throw new SqlError('no-grant', u.user, u.host);
      grants[u.user] = st.revoke ? mine.filter((d) => d !== target) : [...new Set([...mine, target])];
    }
    writeServerFile(s, c!, MYSQL_GRANTS, JSON.stringify(grants), 0o640);
    return ok;
  }

  function writeRoles(roles: Record<string, string>) {
    writeServerFile(s, c!, rolesFile, JSON.stringify(roles), 0o600);
  }

  /** BEGIN, COMMIT, ROLLBACK: postgres warns when there is nothing to end or a transaction is open already. */
  function transaction(op: 'begin' | 'commit' | 'rollback', pgWords: boolean): SqlResult {
    const ok = (tag: string, notice?: string): SqlResult => ({ k: 'ok', tag, affected: 0, ...(notice && pgWords ? { notice } : {}) });
    if (op === 'begin') {
      if (tx && pgWords) return ok('BEGIN', 'there is already a transaction in progress');
      if (tx) transaction('commit', false); // mysql: BEGIN commits the open transaction
      tx = { dbs: '', aborted: false };
      working = clone(stored);
      return ok('BEGIN');
    }
    if (!tx) return ok(op.toUpperCase(), 'there is no transaction in progress');
    const keep = op === 'commit' && !tx.aborted;
    if (keep) stored = working;
    tx = null;
    working = stored;
    return ok(op === 'commit' && keep ? 'COMMIT' : 'ROLLBACK');
  }
}

function pgVersion(env: string[]): string {
  const v = envOf(env, 'PG_VERSION') || '17.2';
  const debian = v.includes('pgdg');
  return `PostgreSQL ${v.split('-')[0]}${debian ? ` (Debian ${v})` : ''} on x86_64-pc-linux-gnu, compiled by ${debian ? 'gcc (Debian 12.2.0-14) 12.2.0' : 'gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309'}, 64-bit`;
}

export const mariadbVersion = (env: string[]) => (envOf(env, 'MARIADB_VERSION') || '1:11.6.2+maria~ubu2404').replace(/^\d+:/, '').replace(/\+maria~(\w+)$/, '-MariaDB-$1');
export const mysqlVersion = (env: string[]) => envOf(env, 'MYSQL_VERSION').replace(/-\d+\.el\d+$/, '') || '9.1.0';
