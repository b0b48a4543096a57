// The database clients' prompts as the shell sees them before their code loads (db-repl.ts is a chunk of its own, with
// the clients): which argv opens a prompt, what the prompt shows, and the plain-data state a frame keeps of it.
import type { SqlTx } from '../../engine/index';

/** A client prompt's state, kept in the shell frame (plain data: checkpoints copy it). */
export interface ClientState {
  kind: 'mysql' | 'psql' | 'redis' | 'mongo';
  server: string; // the server's container ID
  mariadb?: boolean;
  user: string;
  password: string | null;
  db: string | null;
  host: string;
  port: number;
  buffer: string;
  /** The connection's open transaction (BEGIN … COMMIT/ROLLBACK). */
  tx?: SqlTx | null;
  /** mysql: logged in at the password prompt (the password is kept nowhere). */
  trusted?: boolean;
  /** mongosh: the variables the prompt's JavaScript declared. */
  vars?: Record<string, unknown>;
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Is this argv a client that would open its prompt (no statement given on its command line)? */
export function isClientPrompt(argv: string[]): boolean {
  const b = base(argv[0] ?? '');
  const a = argv.slice(1);
  if (b === 'mysql' || b === 'mariadb') return !a.some((x) => x === '-e' || x.startsWith('-e') || x.startsWith('--execute') || x === '--version' || x === '-V');
  if (b === 'psql') return !a.some((x) => x === '-c' || x === '-f' || x.startsWith('--command') || x === '--version' || x === '-V' || x === '-l');
  if (b === 'redis-cli') return a.every((x, i) => x.startsWith('-') || ['-h', '-p', '-a', '-n'].includes(a[i - 1] ?? '')) && !a.includes('--version');
  if (b === 'mongosh') return !a.includes('--eval') && !a.includes('--version');
  return false;
}

/** The prompt the client shows now (a continuation prompt while a statement is incomplete). */
export function clientPrompt(st: ClientState): string {
  const more = st.buffer.trim() !== '';
  switch (st.kind) {
    case 'mysql':
      if (st.mariadb) return more ? '    -> ' : `MariaDB [${st.db ?? '(none)'}]> `;
      return more ? '    -> ' : 'mysql> ';
    case 'psql': return `${st.db}${more ? '-' : '='}${st.tx ? (st.tx.aborted ? '!' : '*') : ''}# `; // %R%x: continuation, transaction state
    case 'redis': return st.server ? `${st.host}:${st.port}> ` : 'not connected> ';
    case 'mongo': return `${st.db}> `;
  }
}
