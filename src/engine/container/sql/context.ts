// What a statement runs against: the tables, the current database and session facts, and the result it gives.
import { SqlError } from './lex';
import type { ColumnDef, SelectQuery, Value } from './parse';

export interface Table {
  columns: ColumnDef[];
  rows: Value[][];
  autoInc: number;
  /** postgres: the roles granted privileges on it (role or 'public' → SELECT, INSERT …). */
  acl?: Record<string, string[]>;
  /** postgres: the role that created it, when that is not the superuser (an owner has every privilege). */
  owner?: string;
}
export type Database = Record<string, Table>;
export type Dialect = 'postgres' | 'mysql';

export type SqlResult =
  | { k: 'rows'; columns: string[]; rows: (string | null)[][]; right: boolean[] }
  | { k: 'ok'; tag: string; affected: number; notice?: string; noticeLevel?: 'NOTICE' }
  | { k: 'use'; db: string };

export interface ExecContext {
  dialect: Dialect;
  /** The current database (null: mysql without USE). */
  db: string | null;
  /** Every database: name → tables (the caller loads and saves them). */
  dbs: Record<string, Database>;
  /** Databases the server has but keeps no tables of ours in (mysql, sys, template0 …). */
  system: string[];
  now: string; // ISO
  user: string;
  version: string;
  /** Refuse ungrouped columns beside aggregates (postgres; mysql's ONLY_FULL_GROUP_BY, which mariadb leaves off). */
  strictGroup?: boolean;
  /** The clause being evaluated, as mysql names it in errors ('field list', 'where clause' …). */
  clause?: string;
  /** The columns of the tables a SELECT reads, by name and alias.name (aggregates print in their column's scale). */
  cols?: Record<string, ColumnDef>;
  /** Runs a subquery, seeing the outer query's current row (a correlated subquery's outer columns): its rows and width. */
  subquery?: (q: SelectQuery, outer: object | null) => { rows: Value[][]; width: number };
  /** postgres: the user is no superuser, so table privileges are checked. */
  checkAcl?: boolean;
}

/** A table of the current database; `need`: the privilege the statement needs on it (postgres, for a user who is no superuser). */
export function tableOf(x: ExecContext, name: string, pos: number | null = null, need?: string): Table {
  if (x.db === null) throw new SqlError('no-db-selected');
  const t = x.dbs[x.db]?.[name];
  if (!t) throw new SqlError('no-table', name, x.db, pos);
  if (need && x.checkAcl && t.owner !== x.user && ![...(t.acl?.[x.user] ?? []), ...(t.acl?.public ?? [])].includes(need)) throw new SqlError('denied-table', name);
  return t;
}

