// The prompts of the database clients under `docker exec -it` (mysql>, postgres=#, 127.0.0.1:6379>, test>): open, one typed line, exit.
import type { Engine } from '../../engine/index';
import type { ExecOptions } from '../../cli/command';
import { containerById } from '../../engine/index';
import { findServer, splitWords } from './db-target';
import { mysqlConnect, mysqlStatements, parseMysql } from './mysql-cli';
import { parsePsql, psqlConnect, psqlUnit } from './psql';
import { human } from './redis-cli';
import { mongoshBanner, mongoshLine, MONGOSH_VERSION } from './mongosh';
import type { Sys } from './sys';
import type { ClientState } from './db-prompt';

export type { ClientState };

/** What the journal keeps of a password typed at mysql's prompt: whether the server took it, never the password. */
const PASSWORD_OK = '\u0000password accepted';
const PASSWORD_BAD = '\u0000password refused';

/** A typed password's outcome as the journal records it ('' stays '': mysql then says "using password: NO"). */
function passwordOutcome(engine: Engine, id: string, st: Pick<ClientState, 'host' | 'port' | 'user' | 'mariadb'>, line: string, user?: string): string {
  if (line === '' || line === PASSWORD_OK || line === PASSWORD_BAD) return line;
  const t = findServer(sysFor(engine, id, user), st.host || 'localhost', st.port);
  const ok = !('error' in t) && engine.container.sql(t.id, { user: st.user, password: line, db: null, sql: '' }).connected;
  return ok ? PASSWORD_OK : PASSWORD_BAD;
}

/** Log in with a typed (or replayed) password: the banner and the trusted state, or the client's error. */
function passwordLogin(engine: Engine, id: string, user: string | undefined, st: ClientState, line: string): { out: string; exited?: number } {
  const outcome = passwordOutcome(engine, id, st, line, user);
  const trusted = outcome === PASSWORD_OK;
  const password = trusted ? null : outcome === PASSWORD_BAD ? PASSWORD_BAD : line;
  const c = mysqlConnect(sysFor(engine, id, user), { host: st.host, port: st.port, user: st.user, password, db: st.db, askPassword: false, mariadb: !!st.mariadb, trusted });
  if ('error' in c) return { out: c.error, exited: 1 };
  st.server = c.id;
  st.password = null;
  st.trusted = true;
  return { out: mysqlBanner(c.version, c.server, !!st.mariadb) };
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

const sysFor = (engine: Engine, id: string, user?: string): Sys => ({ engine, containerId: id, flavor: 'gnu', tty: () => true, process: { user }, now: () => engine.now() });

const mysqlBanner = (version: string, server: string, mariadb: boolean) => mariadb
  ? `Welcome to the MariaDB monitor.  Commands end with ; or \\g.\nYour MariaDB connection id is 3\nServer version: ${version} mariadb.org binary distribution\n\nCopyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`
  : `Welcome to the ${server === 'mariadb' ? 'MariaDB' : 'MySQL'} monitor.  Commands end with ; or \\g.\nYour MySQL connection id is 8\nServer version: ${version} MySQL Community Server - GPL\n\nCopyright (c) 2000, 2024, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`;

/** Open the prompt: the banner and its state, or the client's error (then no prompt). */
export async function openClient(engine: Engine, id: string, argv: string[], user: string | undefined, hasMariadb: boolean, ask?: ExecOptions['ask']): Promise<{ banner: string; state: ClientState } | { error: string; code: number }> {
  const sys = sysFor(engine, id, user);
  const b = base(argv[0]);
  if (b === 'mysql' || b === 'mariadb') {
    const p = parseMysql(argv.slice(1), hasMariadb, user || 'root');
    if ('error' in p) return { error: p.error, code: 1 };
    const state: ClientState = { kind: 'mysql', server: '', mariadb: hasMariadb, user: p.conn.user, password: p.conn.password, db: p.conn.db, host: p.conn.host, port: p.conn.port, buffer: '' };
    if (p.conn.askPassword) {
      // mysql reads the password from the terminal without echo; no answer (no terminal, Ctrl+C) reads as an empty line
      const line = (await ask?.('Enter password: ', { secret: true, journal: (pw) => passwordOutcome(engine, id, state, pw, user) })) ?? '';
      const r = passwordLogin(engine, id, user, state, line);
      return r.exited !== undefined ? { error: r.out, code: r.exited } : { banner: r.out, state };
    }
    const warn = !hasMariadb && p.conn.password !== null ? 'mysql: [Warning] Using a password on the command line interface can be insecure.\n' : '';
    const c = mysqlConnect(sys, { ...p.conn, mariadb: hasMariadb });
    if ('error' in c) return { error: warn + c.error, code: 1 };
    return { banner: warn + mysqlBanner(c.version, c.server, hasMariadb), state: { ...state, server: c.id } };
  }
  if (b === 'psql') {
    const p = parsePsql(argv.slice(1), { get: () => undefined }, user || 'root');
    if ('error' in p) return { error: p.error, code: 1 };
    const c = psqlConnect(sys, p.conn);
    if ('error' in c) return { error: c.error, code: 2 };
    const v = /PostgreSQL ([\d.]+(?: \([^)]*\))?)/.exec(c.version)?.[1] ?? '17.2';
    return { banner: `psql (${v})\nType "help" for help.\n\n`, state: { kind: 'psql', server: c.id, user: p.conn.user, password: null, db: p.conn.db, host: p.conn.host, port: p.conn.port, buffer: '' } };
  }
  if (b === 'redis-cli') {
    const a = argv.slice(1);
    const host = a.includes('-h') ? a[a.indexOf('-h') + 1] ?? '' : '127.0.0.1';
    const port = a.includes('-p') ? Number(a[a.indexOf('-p') + 1]) : 6379;
    const t = findServer(sys, host, port);
    const state: ClientState = { kind: 'redis', server: 'error' in t || t.program !== 'redis-server' ? '' : t.id, user: '', password: null, db: null, host, port, buffer: '' };
    // redis-cli opens its prompt anyway; commands then say it is not connected
    return { banner: state.server ? '' : `Could not connect to Redis at ${host}:${port}: ${'error' in t && t.error === 'unknown-host' ? 'Name or service not known' : 'Connection refused'}\n`, state };
  }
  const a = argv.slice(1);
  const db = a.find((x) => !x.startsWith('-') && !x.startsWith('mongodb://')) ?? 'test';
  const t = findServer(sys, '127.0.0.1', 27017);
  const uri = `mongodb://127.0.0.1:27017/${db === 'test' ? '' : db}?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${MONGOSH_VERSION}`;
  if ('error' in t || t.program !== 'mongod') return { error: `Current Mongosh Log ID:\t6752f0a1c3b2a1d4e5f60718\nConnecting to:\t\t${uri}\nMongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n`, code: 1 };
  const version = containerById(engine.state, t.id)?.config.Env.find((e) => e.startsWith('MONGO_VERSION='))?.slice(14) ?? '8.0.4';
  return { banner: mongoshBanner(version, uri), state: { kind: 'mongo', server: t.id, user: '', password: null, db, host: '127.0.0.1', port: 27017, buffer: '' } };
}

/** One typed line at the prompt: what it prints, and whether the client exited. */
export async function clientLine(engine: Engine, id: string, user: string | undefined, st: ClientState, line: string): Promise<{ out: string; exited?: number }> {
  const sys = sysFor(engine, id, user);
  const t = line.trim();
  if (st.kind === 'mysql') {
    if (!st.buffer.trim() && /^(exit|quit|\\q)\s*;?$/i.test(t)) return { out: 'Bye\n', exited: 0 };
    if (!st.buffer.trim() && /^use\s+\S+?;?$/i.test(t)) {
      const db = t.replace(/^use\s+/i, '').replace(/;$/, '');
      const r = mysqlStatements(sys, st.server, { host: st.host, port: st.port, user: st.user, password: st.password, db: st.db, askPassword: false, mariadb: !!st.mariadb, tx: st.tx, trusted: st.trusted }, `USE ${db}`, 'prompt');
      if (!r.failed) st.db = db;
      st.tx = r.tx;
      return { out: r.stdout + r.stderr.replace(/ at line 1/, '') };
    }
    st.buffer += line + '\n';
    if (!/(;|\\g)\s*$/.test(t)) return { out: '' };
    const sql = st.buffer.replace(/\\g\s*$/, ';');
    st.buffer = '';
    const r = mysqlStatements(sys, st.server, { host: st.host, port: st.port, user: st.user, password: st.password, db: st.db, askPassword: false, mariadb: !!st.mariadb, tx: st.tx, trusted: st.trusted }, sql, 'prompt');
    st.db = r.db;
    st.tx = r.tx;
    return { out: r.stdout + r.stderr };
  }
  if (st.kind === 'psql') {
    const conn = { host: st.host, port: st.port, user: st.user, db: st.db ?? st.user, tx: st.tx };
    if (!st.buffer.trim() && t.startsWith('\\')) {
      const r = psqlUnit(sys, st.server, conn, t);
      if (r.quit) return { out: '', exited: 0 };
      if (r.db) st.db = r.db;
      return { out: r.stdout + r.stderr };
    }
    if (!st.buffer.trim() && (t === 'exit' || t === 'quit')) return { out: '', exited: 0 };
    if (!t && !st.buffer) return { out: '' };
    st.buffer += line + '\n';
    if (!/;\s*$/.test(t)) return { out: '' };
    const sql = st.buffer;
    st.buffer = '';
    const r = psqlUnit(sys, st.server, conn, sql);
    st.tx = conn.tx ?? null;
    return { out: r.stderr.startsWith('WARNING') ? r.stderr + r.stdout : r.stdout + r.stderr };
  }
  if (st.kind === 'redis') {
    if (/^(exit|quit)$/i.test(t)) return { out: '', exited: 0 };
    const argv = splitWords(t);
    if (!argv.length) return { out: '' };
    if (!st.server) return { out: `Could not connect to Redis at ${st.host}:${st.port}: Connection refused\n` };
    return { out: human(engine.container.redis(st.server, argv)) };
  }
  if (/^(exit|quit|\.exit)(\(\))?$/.test(t)) return { out: '', exited: 0 };
  const ms = { db: st.db ?? 'test', vars: st.vars };
  const r = await mongoshLine(sys, st.server, ms, t);
  st.vars = ms.vars;
  const m = /^use\s+(\w+)$/.exec(t);
  if (m) st.db = m[1];
  return { out: r.error ? r.error + '\n' : r.out ? r.out + '\n' : '' };
}
