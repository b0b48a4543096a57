// A SqlError in each server's words: postgres' ERROR text (with the position psql points at), mysql/mariadb's errno, SQLSTATE and message.
import type { SqlError } from './lex';

/** A server error: mysql's errno and SQLSTATE, or postgres' severity; the message as the server words it. */
export interface SqlFailure {
  errno?: number;
  sqlstate?: string;
  severity?: 'ERROR' | 'FATAL';
  message: string;
  /** postgres: where in the query text the error is (1-based, as the protocol's P field). */
  position?: number;
}

const SUBSET = 'CREATE/DROP/ALTER TABLE, CREATE/DROP DATABASE, INSERT, SELECT (JOIN, GROUP BY, subqueries), UPDATE, DELETE, BEGIN/COMMIT/ROLLBACK, SAVEPOINT, SHOW DATABASES/TABLES, USE, DESCRIBE';

export function pgError(e: SqlError): SqlFailure {
  const m = (message: string): SqlFailure => ({ severity: 'ERROR', message });
  switch (e.code) {
    case 'syntax': return m(e.arg ? `syntax error at or near "${e.arg}"` : 'syntax error at end of input');
    case 'unsupported': return m(`dockerlings: ${e.arg} is beyond the small SQL subset this simulated server runs (${SUBSET})`);
    case 'no-table': return m(e.arg3 === 'drop' ? `table "${e.arg}" does not exist` : `relation "${e.arg}" does not exist`);
    case 'table-exists': return m(`relation "${e.arg}" already exists`);
    case 'no-db': return m(`database "${e.arg}" does not exist`);
    case 'db-exists': return m(`database "${e.arg}" already exists`);
    case 'no-column': return m(e.arg.includes('.') ? `column ${e.arg} does not exist` : `column "${e.arg}" ${e.arg2 ? `of relation "${e.arg2}" ` : ''}does not exist`);
    case 'no-drop-column': return m(`column "${e.arg}" of relation "${e.arg2}" does not exist`);
    case 'column-exists': return m(`column "${e.arg}" of relation "${e.arg2}" already exists`);
    case 'ambiguous': return m(`column reference "${e.arg}" is ambiguous`);
    case 'no-from': return m(`missing FROM-clause entry for table "${e.arg}"`);
    case 'group-by': return m(`column "${e.arg}" must appear in the GROUP BY clause or be used in an aggregate function`);
    case 'tx-aborted': return m('current transaction is aborted, commands ignored until end of transaction block');
    case 'in-tx': return m(`${e.arg} cannot run inside a transaction block`);
    case 'count': return m(e.arg === 'more' ? 'INSERT has more expressions than target columns' : 'INSERT has more target columns than expressions');
    case 'no-db-selected': return m('no database selected');
    case 'not-null': return m(`null value in column "${e.arg}" of relation "${e.arg2}" violates not-null constraint`);
    case 'duplicate': return m(`duplicate key value violates unique constraint "${e.arg2.replace('.', '_')}_key"`);
    case 'bad-value': return m(e.arg.startsWith('too long:') ? `value too long for type character varying(${e.arg.slice(9)})` : `invalid input syntax for type ${e.arg}: "${e.arg2}"`);
    case 'denied-db': return m(`permission denied for database ${e.arg}`);
    case 'subquery-rows': return m('more than one row returned by a subquery used as an expression');
    case 'subquery-cols': return m(e.arg === 'in' ? 'subquery has too many columns' : 'subquery must return only one column');
    case 'need-tx': return m(`${e.arg} can only be used in transaction blocks`);
    case 'no-savepoint': return m(`savepoint "${e.arg}" does not exist`);
    case 'no-role': return m(`role "${e.arg}" does not exist`);
    case 'role-exists': return m(`role "${e.arg}" already exists`);
    case 'denied-table': return m(`permission denied for table ${e.arg}`);
    case 'account-op': case 'grant-new-user': case 'no-grant': case 'need-priv': case 'update-target': case 'derived-alias': return m(e.arg); // mysql's words only
    case 'bad-privilege': return m(e.arg2 ? `unrecognized privilege type "${e.arg}"` : `invalid privilege type ${e.arg} for relation`);
  }
}

export function mysqlError(e: SqlError, db: string | null, server: 'mysql' | 'mariadb', user: string): SqlFailure {
  const m = (errno: number, sqlstate: string, message: string): SqlFailure => ({ errno, sqlstate, message });
  switch (e.code) {
    case 'syntax': return m(1064, '42000', `You have an error in your SQL syntax; check the manual that corresponds to your ${server === 'mysql' ? 'MySQL' : 'MariaDB'} server version for the right syntax to use near '${e.arg2.slice(0, 80)}' at line ${e.arg3 || 1}`);
    case 'unsupported': return m(1235, '42000', `dockerlings: ${e.arg} is beyond the small SQL subset this simulated server runs (${SUBSET})`);
    case 'no-table': return e.arg3 === 'drop' ? m(1051, '42S02', `Unknown table '${e.arg2 || db}.${e.arg}'`) : m(1146, '42S02', `Table '${e.arg2 || db}.${e.arg}' doesn't exist`);
    case 'table-exists': return m(1050, '42S01', `Table '${e.arg}' already exists`);
    case 'no-db': return e.arg2 === 'drop' ? m(1008, 'HY000', `Can't drop database '${e.arg}'; database doesn't exist`) : m(1049, '42000', `Unknown database '${e.arg}'`);
    case 'db-exists': return m(1007, 'HY000', `Can't create database '${e.arg}'; database exists`);
    case 'no-column': return m(1054, '42S22', `Unknown column '${e.arg}' in '${e.arg3 || 'field list'}'`);
    case 'no-from': return m(1054, '42S22', `Unknown column '${e.arg2}' in '${e.arg3 || 'field list'}'`);
    case 'no-drop-column': return m(1091, '42000', `Can't DROP '${e.arg}'; check that column/key exists`);
    case 'column-exists': return m(1060, '42S21', `Duplicate column name '${e.arg}'`);
    case 'ambiguous': return m(1052, '23000', `Column '${e.arg}' in ${e.arg3 || 'field list'} is ambiguous`);
    case 'group-by': {
      const [n, kind] = e.arg3.split('|');
      return kind === 'none'
        ? m(1140, '42000', `In aggregated query without GROUP BY, expression #${n} of SELECT list contains nonaggregated column '${e.arg2}'; this is incompatible with sql_mode=only_full_group_by`)
        : m(1055, '42000', `Expression #${n} of SELECT list is not in GROUP BY clause and contains nonaggregated column '${e.arg2}' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by`);
    }
    case 'tx-aborted': case 'in-tx': return m(1235, '42000', e.arg);
    case 'count': return m(1136, '21S01', `Column count doesn't match value count at row ${e.arg2 || 1}`);
    case 'no-db-selected': return m(1046, '3D000', 'No database selected');
    case 'not-null': return m(1048, '23000', `Column '${e.arg}' cannot be null`);
    case 'duplicate': return m(1062, '23000', `Duplicate entry '${e.arg}' for key '${e.arg2.split('.')[0]}.PRIMARY'`);
    case 'bad-value': return m(1406, '22001', `Data too long for column '${e.arg2}' at row 1`);
    case 'denied-db': return m(1044, '42000', `Access denied for user '${user}'@'%' to database '${e.arg}'`);
    case 'subquery-rows': return m(1242, '21000', 'Subquery returns more than 1 row');
    case 'subquery-cols': return m(1241, '21000', 'Operand should contain 1 column(s)');
    case 'no-savepoint': return m(1305, '42000', `SAVEPOINT ${e.arg} does not exist`);
    case 'derived-alias': return m(1248, '42000', 'Every derived table must have its own alias');
    case 'update-target': return m(1093, 'HY000', `You can't specify target table '${e.arg}' for update in FROM clause`);
    case 'account-op': return m(1396, 'HY000', `Operation ${e.arg} failed for ${e.arg2}`);
    case 'grant-new-user': return m(1410, '42000', 'You are not allowed to create a user with GRANT');
    case 'no-grant': return m(1141, '42000', `There is no such grant defined for user '${e.arg}' on host '${e.arg2}'`);
    case 'need-priv': return m(1227, '42000', `Access denied; you need (at least one of) the ${e.arg} privilege(s) for this operation`);
    case 'need-tx': case 'no-role': case 'role-exists': case 'denied-table': case 'bad-privilege': return m(1235, '42000', e.arg); // postgres' words only
  }
}
