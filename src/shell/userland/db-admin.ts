// Health-check helpers of the database images: mysqladmin ping (mysql, mariadb) and pg_isready (postgres).
import { findServer } from './db-target';
import type { Impl } from './sys';

export const mysqladmin: Impl = async (args, _ctx, sys) => {
  const sub = args.filter((a) => !a.startsWith('-'));
  let host = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-h') host = args[++i] ?? '';
    else if (args[i].startsWith('-h')) host = args[i].slice(2);
    else if (args[i].startsWith('--host=')) host = args[i].slice(7);
    else if (['-u', '-P'].includes(args[i])) i++;
  }
  const local = !host || host === 'localhost';
  const t = findServer(sys, host || 'localhost', 3306);
  const up = !('error' in t) && ['mysqld', 'mariadbd'].includes(t.program);
  const warn = args.some((a) => /^-p.|^--password=/.test(a)) ? 'mysqladmin: [Warning] Using a password on the command line interface can be insecure.\n' : '';
  if (!up) {
    const why = local ? "Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)" : `Can't connect to MySQL server on '${host}:3306' (111)`;
    const hint = local ? "Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n" : `Check that mysqld is running on ${host} and that the port is 3306.\nYou can check this by doing 'telnet ${host} 3306'\n`;
    return { stdout: '', stderr: `${warn}mysqladmin: connect to server at '${host || 'localhost'}' failed\nerror: '${why}'\n${hint}`, exitCode: 1 };
  }
  if (sub[0] === 'ping') return { stdout: 'mysqld is alive\n', stderr: warn, exitCode: 0 };
  if (sub[0] === 'version' || sub[0] === 'status') return { stdout: 'Uptime: 60  Threads: 2  Questions: 3  Slow queries: 0  Opens: 119  Flush tables: 3  Open tables: 38  Queries per second avg: 0.050\n', stderr: warn, exitCode: 0 };
  return { stdout: '', stderr: `${warn}dockerlings: mysqladmin ${sub[0] ?? ''} is not simulated here (ping and status are)\n`, exitCode: 1 };
};

export const pgIsready: Impl = async (args, _ctx, sys) => {
  let host = '';
  for (let i = 0; i < args.length; i++) if (args[i] === '-h' || args[i] === '--host') host = args[++i] ?? '';
  const t = findServer(sys, host || 'localhost', 5432);
  const where = host ? `${host}:5432` : '/var/run/postgresql:5432';
  const up = !('error' in t) && t.program === 'postgres';
  const quiet = args.includes('-q') || args.includes('--quiet');
  return { stdout: quiet ? '' : `${where} - ${up ? 'accepting connections' : 'no response'}\n`, stderr: '', exitCode: up ? 0 : 2 };
};
