// psql: connects to a postgres server (local socket or -h), runs -c commands, a script on stdin, or one line of its prompt.
import type { SqlFailure, SqlResult, SqlTx } from '../../engine/index';
import { containerById } from '../../engine/index';
import { decodeBytesToUtf8 } from '../jb-compat';
import { findServer } from './db-target';
import { describeTable, errorPosition, relationList } from './psql-describe';
import { pgAligned } from './sql-format';
import type { Impl, Sys } from './sys';

export interface PsqlConn {
  host: string; // '' = the local socket
  port: number;
  user: string;
  db: string;
  /** The connection's open transaction (BEGIN … COMMIT/ROLLBACK). */
  tx?: SqlTx | null;
}

const SOCKET = '/var/run/postgresql/.s.PGSQL.5432';

interface Parsed {
  conn: PsqlConn;
  commands: string[];
  tuplesOnly: boolean;
}

export function parsePsql(args: string[], env: Map<string, string> | { get(k: string): string | undefined }, osUser: string): Parsed | { error: string } {
  const conn: PsqlConn = { host: env.get('PGHOST') ?? '', port: Number(env.get('PGPORT') ?? 5432), user: env.get('PGUSER') ?? '', db: env.get('PGDATABASE') ?? '' };
  const commands: string[] = [];
  let tuplesOnly = false;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = /^--(\w+)=(.*)$/.exec(a);
    const val = () => args[++i] ?? '';
    if (a === '-U' || long?.[1] === 'username') conn.user = long ? long[2] : val();
    else if (a.startsWith('-U') && a.length > 2) conn.user = a.slice(2);
    else if (a === '-d' || long?.[1] === 'dbname') conn.db = long ? long[2] : val();
    else if (a === '-h' || long?.[1] === 'host') conn.host = long ? long[2] : val();
    else if (a === '-p' || long?.[1] === 'port') conn.port = Number(long ? long[2] : val());
    else if (a === '-c' || long?.[1] === 'command') commands.push(long ? long[2] : val());
    else if (a === '-t' || a === '--tuples-only') tuplesOnly = true;
    else if (['-q', '-X', '-A', '--quiet', '--no-psqlrc', '-w', '-W', '--no-password'].includes(a)) continue;
    else if (a.startsWith('-') && a !== '-') return { error: `psql: error: this simulator's psql does not know the option ${a}\n` };
    else pos.push(a);
  }
  if (pos[0]) conn.db = pos[0];
  if (pos[1]) conn.user = pos[1];
  conn.user ||= osUser;
  conn.db ||= conn.user;
  return { conn, commands, tuplesOnly };
}

/** Connect: the server's container, or psql's error text (exit status 2). */
export function psqlConnect(sys: Sys, conn: PsqlConn): { id: string; version: string } | { error: string } {
  const t = findServer(sys, conn.host || 'localhost', conn.port);
  const where = conn.host ? `connection to server at "${conn.host}"${'error' in t ? '' : ` (${ipOf(sys, t.id)})`}, port ${conn.port} failed: ` : `connection to server on socket "${SOCKET}" failed: `;
  if ('error' in t && t.error === 'unknown-host') return { error: `psql: error: could not translate host name "${conn.host}" to address: Name or service not known\n` };
  if ('error' in t || t.program !== 'postgres') {
    return { error: conn.host ? `psql: error: ${where}Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n` : `psql: error: ${where}No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n` };
  }
  const probe = sys.engine.container.sql(t.id, { user: conn.user, password: null, db: conn.db, sql: '' });
  if (!probe.connected) return { error: `psql: error: ${where}FATAL:  ${probe.error.message}\n` };
  return { id: t.id, version: probe.version };
}

function ipOf(sys: Sys, id: string): string {
  const c = containerById(sys.engine.state, id);
  return Object.values(c?.endpoints ?? {}).find((e) => e.ip)?.ip ?? '127.0.0.1';
}

export interface PsqlOut {
  stdout: string;
  stderr: string;
  failed: boolean;
  /** \c switched databases, \q quit. */
  db?: string;
  quit?: boolean;
}

/** An error as psql prints it: the server's words, then the query line with a caret under the position it reported. */
const err = (f: SqlFailure, query: string) => `${f.severity ?? 'ERROR'}:  ${f.message}\n${f.position ? errorPosition(query, f.position) : ''}`;

function showResult(r: SqlResult, tuplesOnly: boolean): string {
  if (r.k === 'rows') {
    if (!tuplesOnly) return pgAligned(r) + '\n';
    return r.rows.map((row) => ' ' + row.map((v) => v ?? '').join(' | ') + '\n').join('') + '\n';
  }
  return r.k === 'ok' ? r.tag + '\n' : '';
}

/** One unit of input: a SQL statement (ending in ;) or a backslash command. `where` prefixes errors in a script (psql:<stdin>:3: ). */
export function psqlUnit(sys: Sys, id: string, conn: PsqlConn, unit: string, tuplesOnly = false, where = ''): PsqlOut {
  const text = unit.trim();
  if (text.startsWith('\\')) return meta(sys, id, conn, text);
  const reply = sys.engine.container.sql(id, { user: conn.user, password: null, db: conn.db, sql: text, tx: conn.tx ?? null });
  if (!reply.connected) return { stdout: '', stderr: `${where}FATAL:  ${reply.error.message}\n`, failed: true };
  conn.tx = reply.tx;
  let stdout = '';
  let stderr = '';
  for (const r of reply.results) {
    if ('error' in r) return { stdout, stderr: `${stderr}${where}${err(r.error, text)}`, failed: true };
    if (r.result.k === 'ok' && r.result.notice) stderr += `${where}${r.result.noticeLevel ?? 'WARNING'}:  ${r.result.notice}\n`;
    stdout += showResult(r.result, tuplesOnly);
  }
  return { stdout, stderr, failed: false };
}

function meta(sys: Sys, id: string, conn: PsqlConn, text: string): PsqlOut {
  const [cmd, arg] = text.split(/\s+/);
  const ask = (sql: string) => sys.engine.container.sql(id, { user: conn.user, password: null, db: conn.db, sql, meta: true });
  switch (cmd) {
    case '\\q': return { stdout: '', stderr: '', failed: false, quit: true };
    case '\\l': case '\\list': {
      const r = ask('SHOW DATABASES');
      if (!r.connected || 'error' in r.results[0]) return { stdout: '', stderr: '', failed: true };
      const res = r.results[0].result;
      if (res.k !== 'rows') return { stdout: '', stderr: '', failed: true };
      const privs = (n: string) => (n.startsWith('template') ? `=c/${conn.user}\n${conn.user}=CTc/${conn.user}` : '');
      const rows = res.rows.map(([n]) => [n, conn.user === 'postgres' || !n ? 'postgres' : conn.user, 'UTF8', 'libc', 'en_US.utf8', 'en_US.utf8', '', '', privs(n ?? '')]);
      const major = /PostgreSQL (\d+)/.exec(r.version)?.[1] ?? '17';
      const cols = ['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', Number(major) >= 17 ? 'Locale' : 'ICU Locale', 'ICU Rules', 'Access privileges'];
      return { stdout: pgAligned({ k: 'rows', columns: cols, rows, right: cols.map(() => false) }, 'List of databases') + '\n', stderr: '', failed: false };
    }
    case '\\dt': case '\\d': case '\\d+': case '\\dt+': {
      if (cmd.startsWith('\\d') && arg && cmd !== '\\dt') {
        const r = ask(`DESCRIBE ${arg}`);
        const res = r.connected && !('error' in r.results[0]) ? r.results[0].result : null;
        if (!res || res.k !== 'rows') return { stdout: '', stderr: `Did not find any relation named "${arg}".\n`, failed: true };
        return { stdout: describeTable(arg, res), stderr: '', failed: false };
      }
      const r = ask('SHOW TABLES');
      if (!r.connected || 'error' in r.results[0] || r.results[0].result.k !== 'rows') return { stdout: '', stderr: '', failed: true };
      const names = r.results[0].result.rows.map(([n]) => n ?? '').filter((n) => !arg || n === arg);
      if (!names.length) return { stdout: '', stderr: arg ? `Did not find any relation named "${arg}".\n` : 'Did not find any relations.\n', failed: false };
      const sequences = cmd.startsWith('\\dt') ? [] : names.flatMap((n) => {
        const d = ask(`DESCRIBE ${n}`);
        const res = d.connected && !('error' in d.results[0]) ? d.results[0].result : null;
        return res?.k === 'rows' ? res.rows.filter((row) => row[5] === 'auto_increment').map((row) => `${n}_${row[0]}_seq`) : [];
      });
      return { stdout: relationList(conn.user, names, sequences), stderr: '', failed: false };
    }
    case '\\c': case '\\connect': {
      const db = arg ?? conn.db;
      const r = sys.engine.container.sql(id, { user: conn.user, password: null, db, sql: '' });
      if (!r.connected) return { stdout: '', stderr: `connection to server on socket "${SOCKET}" failed: FATAL:  ${r.error.message}\nPrevious connection kept\n`, failed: true };
      return { stdout: `You are now connected to database "${db}" as user "${conn.user}".\n`, stderr: '', failed: false, db };
    }
    case '\\conninfo': return { stdout: `You are connected to database "${conn.db}" as user "${conn.user}" via socket in "/var/run/postgresql" at port "${conn.port}".\n`, stderr: '', failed: false };
  }
  return { stdout: '', stderr: `invalid command ${cmd}\nTry \\? for help.\n`, failed: true };
}

/** Split a script into units: backslash lines, and statements ending in ; (a trailing one without ; too). */
export function scriptUnits(text: string): { unit: string; line: number }[] {
  const out: { unit: string; line: number }[] = [];
  let buf = '';
  let start = 0;
  text.split('\n').forEach((line, i) => {
    if (!buf.trim() && line.trim().startsWith('\\')) {
      out.push({ unit: line, line: i + 1 });
      return;
    }
    if (!buf.trim()) start = i + 1;
    buf += line + '\n';
    if (/;\s*(--.*)?$/.test(line)) {
      out.push({ unit: buf, line: i + 1 }); // psql names the line the statement ended on
      buf = '';
    }
  });
  if (buf.trim()) out.push({ unit: buf, line: start });
  return out;
}

export const psql: Impl = async (args, ctx, sys) => {
  if (args.includes('--version') || args.includes('-V')) {
    const v = ctx.env.get('PG_VERSION') ?? '17.2';
    return { stdout: `psql (PostgreSQL) ${v.split('-')[0]}${v.includes('pgdg') ? ` (Debian ${v})` : ''}\n`, stderr: '', exitCode: 0 };
  }
  const p = parsePsql(args, ctx.env, sys.process?.user || 'root');
  if ('error' in p) return { stdout: '', stderr: p.error, exitCode: 1 };
  const c = psqlConnect(sys, p.conn);
  if ('error' in c) return { stdout: '', stderr: c.error, exitCode: 2 };
  let stdout = '';
  let stderr = '';
  if (p.commands.length) {
    for (const cmd of p.commands) {
      const r = psqlUnit(sys, c.id, p.conn, cmd, p.tuplesOnly);
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.db) p.conn.db = r.db;
      if (r.failed) return { stdout, stderr, exitCode: 1 };
    }
    return { stdout, stderr, exitCode: 0 };
  }
  const input = decodeBytesToUtf8(ctx.stdin);
  if (!input) return { stdout: '', stderr: '', exitCode: 0 }; // no terminal and nothing to read
  for (const u of scriptUnits(input)) {
    const r = psqlUnit(sys, c.id, p.conn, u.unit, p.tuplesOnly, `psql:<stdin>:${u.line}: `);
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.db) p.conn.db = r.db;
    if (r.quit) break;
  }
  return { stdout, stderr, exitCode: 0 };
};
