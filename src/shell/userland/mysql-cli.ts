// The mysql / mariadb command-line client: -e statements, a script on stdin, or one line of its prompt; output as box, batch or prompt style.
import type { SqlFailure, SqlResult, SqlTx } from '../../engine/index';
import { decodeBytesToUtf8 } from '../jb-compat';
import { findServer } from './db-target';
import { mysqlBatch, mysqlBox } from './sql-format';
import type { Impl, Sys } from './sys';

export interface MysqlConn {
  host: string; // '' = the local socket
  port: number;
  user: string;
  password: string | null;
  db: string | null;
  /** -p with no value: the client asks "Enter password:". */
  askPassword: boolean;
  mariadb: boolean;
  /** The connection's open transaction (BEGIN … COMMIT/ROLLBACK). */
  tx?: SqlTx | null;
  /** Logged in at a password prompt: the password was checked once and is kept nowhere. */
  trusted?: boolean;
}

interface Parsed {
  conn: MysqlConn;
  execute: string | null;
  skipNames: boolean;
  table: boolean;
  batch: boolean;
}

export function parseMysql(args: string[], mariadb: boolean, osUser: string): Parsed | { error: string } {
  const conn: MysqlConn = { host: '', port: 3306, user: osUser, password: null, db: null, askPassword: false, mariadb };
  let execute: string | null = null;
  let skipNames = false, table = false, batch = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    const val = () => args[++i] ?? '';
    if (long) {
      const [, k, v] = long;
      if (k === 'user') conn.user = v ?? val();
      else if (k === 'password') (v === undefined ? (conn.askPassword = true) : (conn.password = v));
      else if (k === 'host') conn.host = v ?? val();
      else if (k === 'port') conn.port = Number(v ?? val());
      else if (k === 'database') conn.db = v ?? val();
      else if (k === 'execute') execute = v ?? val();
      else if (k === 'skip-column-names') skipNames = true;
      else if (k === 'table') table = true;
      else if (k === 'batch' || k === 'silent') batch = true;
      else if (k === 'protocol') (v === undefined ? val() : v);
      else return { error: `${mariadb ? 'mariadb' : 'mysql'}: unknown option '--${k}'\n` };
    } else if (/^-[uhPDe]/.test(a)) {
      const v = a.length > 2 ? a.slice(2) : val();
      if (a[1] === 'u') conn.user = v;
      else if (a[1] === 'h') conn.host = v;
      else if (a[1] === 'P') conn.port = Number(v);
      else if (a[1] === 'D') conn.db = v;
      else execute = v;
    } else if (a.startsWith('-p')) {
      if (a.length > 2) conn.password = a.slice(2);
      else conn.askPassword = true;
    } else if (a === '-N') skipNames = true;
    else if (a === '-t') table = true;
    else if (a === '-B' || a === '-s') batch = true;
    else if (a.startsWith('-')) return { error: `${mariadb ? 'mariadb' : 'mysql'}: unknown option '${a}'\n` };
    else conn.db = a;
  }
  return { conn, execute, skipNames, table, batch };
}

const clientError = (f: SqlFailure, line: number | null) => `ERROR ${f.errno} (${f.sqlstate})${line !== null ? ` at line ${line}` : ''}: ${f.message}\n`;

/** Connect (authenticate, pick the database): the server's container, or the client's error text. */
export function mysqlConnect(sys: Sys, conn: MysqlConn): { id: string; version: string; server: string } | { error: string } {
  const t = findServer(sys, conn.host || 'localhost', conn.port);
  if ('error' in t && t.error === 'unknown-host') return { error: `ERROR 2005 (HY000): Unknown ${conn.mariadb ? '' : 'MySQL '}server host '${conn.host}' (-2)\n` };
  if ('error' in t || !['mysqld', 'mariadbd'].includes(t.program)) {
    if (conn.host) return { error: `ERROR 2003 (HY000): Can't connect to ${conn.mariadb ? '' : 'MySQL '}server on '${conn.host}:${conn.port}' (111)\n` };
    return { error: conn.mariadb ? "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n" : "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n" };
  }
  const r = sys.engine.container.sql(t.id, { user: conn.user, password: conn.password, db: conn.db, sql: '', trusted: conn.trusted });
  if (!r.connected) return { error: clientError(r.error, null) };
  return { id: t.id, version: r.version, server: r.server };
}

export interface MysqlOut {
  stdout: string;
  stderr: string;
  failed: boolean;
  db: string | null;
  tx: SqlTx | null;
}

/** The input line the client had read when statement `n` (0-based) ran: the line of its delimiter, or the last line. */
export function statementLine(sql: string, n: number): number {
  let line = 1;
  let count = 0;
  let q: string | null = null;
  let started = false; // a statement has text since the last delimiter (empty ones do not count)
  for (const ch of sql) {
    if (ch === '\n') line++;
    if (q) q = ch === q ? null : q;
    else if (ch === "'" || ch === '"' || ch === '`') (q = ch), (started = true);
    else if (ch === ';') {
      if (started && count++ === n) return line;
      started = false;
    } else if (!/\s/.test(ch)) started = true;
  }
  return sql.endsWith('\n') ? line - 1 : line;
}

const secs = '(0.00 sec)';
const rowsWord = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** What the prompt prints after a statement: the box and "N rows in set", "Query OK, …", "Database changed". */
function promptResult(r: SqlResult): string {
  if (r.k === 'use') return 'Database changed\n';
  if (r.k === 'rows') return r.rows.length ? `${mysqlBox(r)}${rowsWord(r.rows.length)} in set ${secs}\n\n` : `Empty set ${secs}\n\n`;
  const head = `Query OK, ${rowsWord(r.affected)} affected ${secs}\n`;
  if (r.tag.startsWith('INSERT') && r.affected > 1) return `${head}Records: ${r.affected}  Duplicates: 0  Warnings: 0\n\n`;
  if (r.tag === 'ALTER TABLE') return `${head}Records: 0  Duplicates: 0  Warnings: 0\n\n`;
  if (r.tag.startsWith('UPDATE')) return `${head}Rows matched: ${r.affected}  Changed: ${r.affected}  Warnings: 0\n\n`;
  return head + '\n';
}

/** Run statements (a -e string, a script, or what the prompt collected). `style`: prompt, box (-e on a terminal, -t) or batch. */
export function mysqlStatements(sys: Sys, id: string, conn: MysqlConn, sql: string, style: 'prompt' | 'box' | 'batch', skipNames = false): MysqlOut {
  const reply = sys.engine.container.sql(id, { user: conn.user, password: conn.password, db: conn.db, sql, tx: conn.tx ?? null, trusted: conn.trusted });
  if (!reply.connected) return { stdout: '', stderr: clientError(reply.error, null), failed: true, db: conn.db, tx: conn.tx ?? null };
  let stdout = '';
  for (const r of reply.results) {
    if ('error' in r) return { stdout, stderr: clientError(r.error, style === 'prompt' ? null : statementLine(sql, reply.results.indexOf(r))), failed: true, db: reply.db, tx: reply.tx };
    const res = r.result;
    if (style === 'prompt') stdout += promptResult(res);
    else if (res.k === 'rows' && (res.rows.length || style === 'box')) {
      if (style === 'box') stdout += res.rows.length ? mysqlBox(res) : '';
      else stdout += skipNames ? mysqlBatch(res).split('\n').slice(1).join('\n') : mysqlBatch(res);
    }
  }
  return { stdout, stderr: '', failed: false, db: reply.db, tx: reply.tx };
}

export const PASSWORD_WARNING = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';

export const mysqlClient: Impl = async (args, ctx, sys) => {
  const mariadb = await ctx.fs.exists('/usr/bin/mariadb');
  if (args.includes('--version') || args.includes('-V')) {
    const v = ctx.env.get('MYSQL_VERSION')?.replace(/-\d+\.el\d+$/, '') ?? '9.1.0';
    return { stdout: mariadb ? `${sys.process?.argv?.[0] ?? 'mariadb'} from 11.6.2-MariaDB, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n` : `mysql  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)\n`, stderr: '', exitCode: 0 };
  }
  const p = parseMysql(args, mariadb, sys.process?.user || 'root');
  if ('error' in p) return { stdout: '', stderr: p.error, exitCode: 1 };
  let stderr = !mariadb && p.conn.password !== null ? PASSWORD_WARNING : '';
  if (p.conn.askPassword) {
    stderr += 'Enter password: ';
    p.conn.password = decodeBytesToUtf8(ctx.stdin).split('\n')[0] || null;
  }
  const c = mysqlConnect(sys, p.conn);
  if ('error' in c) return { stdout: '', stderr: stderr + c.error, exitCode: 1 };
  const sql = p.execute ?? (p.conn.askPassword ? decodeBytesToUtf8(ctx.stdin).split('\n').slice(1).join('\n') : decodeBytesToUtf8(ctx.stdin));
  if (!sql.trim()) return { stdout: '', stderr, exitCode: 0 };
  const style = p.table || (p.execute !== null && sys.tty() && !p.batch) ? 'box' : 'batch';
  const r = mysqlStatements(sys, c.id, p.conn, sql, style, p.skipNames);
  return { stdout: r.stdout, stderr: stderr + r.stderr, exitCode: r.failed ? 1 : 0 };
};
