// postgres' roles and privileges statements: CREATE ROLE/USER, GRANT and REVOKE on tables.
import { SqlError } from './lex';
import type { ExprParser } from './parse-expr';

/** The privileges a postgres table has (GRANT ALL means these; MAINTAIN since postgres 17). */
export const TABLE_PRIVS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];

export type AclStmt =
  /** GRANT/REVOKE on tables (privileges upper case, or ALL), to roles or PUBLIC; privPos: where the privilege list starts. */
  | { k: 'grant'; revoke: boolean; privs: string[]; privPos: number; tables: { name: string; pos: number }[] | 'all'; roles: string[] }
  | { k: 'create-role'; name: string; password: string | null; tag: 'ROLE' | 'USER' };

/** CREATE ROLE|USER name [[WITH] option …] (after CREATE). */
export function createRole(p: ExprParser): AclStmt {
  const tag = p.eat('ROLE') ? 'ROLE' : (p.expect('USER'), 'USER');
  const name = p.ident();
  let password: string | null = null;
  p.eat('WITH');
  while (p.peek()) {
    if (p.eat('PASSWORD')) {
      const t = p.peek();
      if (t?.t !== 'str' && !p.is('NULL')) p.fail();
      p.i++;
      password = t?.t === 'str' ? t.v : null;
    } else if (p.peek()?.t === 'word' && /^(LOGIN|NOLOGIN|SUPERUSER|NOSUPERUSER|CREATEDB|NOCREATEDB|CREATEROLE|NOCREATEROLE|INHERIT|NOINHERIT|REPLICATION|NOREPLICATION)$/i.test(p.peek()!.v)) p.i++;
    else p.fail();
  }
  return { k: 'create-role', name, password, tag };
}

/** GRANT privileges ON [TABLE] names | ALL TABLES IN SCHEMA s TO roles [WITH GRANT OPTION]; REVOKE … FROM roles. */
export function grant(p: ExprParser): AclStmt {
  const revoke = p.eat('REVOKE');
  if (!revoke) p.expect('GRANT');
  if (revoke && p.eat('GRANT')) (p.expect('OPTION'), p.expect('FOR'));
  const privPos = p.here();
  const privs: string[] = [];
  if (p.eat('ALL')) {
    p.eat('PRIVILEGES');
    privs.push('ALL');
  } else {
    do {
      const t = p.peek();
      if (t?.t !== 'word') p.fail();
      p.i++;
      privs.push(t.v.toUpperCase());
      if (p.is('(')) throw new SqlError('unsupported', 'column privileges');
    } while (p.eat(','));
  }
  p.expect('ON');
  let tables: { name: string; pos: number }[] | 'all';
  if (p.eat('ALL')) {
    p.expect('TABLES');
    p.expect('IN');
    p.expect('SCHEMA');
    p.ident();
    tables = 'all';
  } else {
    const t = p.peek();
    if (t?.t === 'word' && /^(DATABASE|SCHEMA|SEQUENCE|FUNCTION|LANGUAGE|TABLESPACE|DOMAIN|TYPE)$/i.test(t.v)) throw new SqlError('unsupported', `GRANT ON ${t.v.toUpperCase()}`);
    p.eat('TABLE');
    const table = () => {
      const pos = p.here();
      let name = p.ident();
      if (p.eat('.')) name = p.ident();
      return { name, pos };
    };
    tables = [table()];
    while (p.eat(',')) tables.push(table());
  }
  if (!p.eat(revoke ? 'FROM' : 'TO')) p.fail();
  const roles = [p.ident()];
  while (p.eat(',')) roles.push(p.ident());
  if (!revoke && p.eat('WITH')) (p.expect('GRANT'), p.expect('OPTION'));
  if (revoke && !p.eat('CASCADE')) p.eat('RESTRICT');
  return { k: 'grant', revoke, privs, privPos, tables, roles };
}

/** mysql's accounts and grants: users by name and host, grants on a database (`db.*`, `db.table` counts for its database) or everything (`*.*`). */
export type MysqlAclStmt =
  | { k: 'my-user'; op: 'create' | 'drop'; users: { user: string; host: string }[]; password: string; ifClause: boolean }
  | { k: 'my-grant'; revoke: boolean; db: string | null; users: { user: string; host: string }[] }
  | { k: 'flush' };

/** 'bob'@'%', bob@localhost or bob (host '%'). */
function account(p: ExprParser): { user: string; host: string } {
  const name = () => {
    const t = p.peek();
    if (t?.t === 'str') return (p.i++, t.v);
    return p.ident();
  };
  const user = name();
  return { user, host: p.eat('@') ? name() : '%' };
}

function accounts(p: ExprParser) {
  const list = [account(p)];
  while (p.eat(',')) list.push(account(p));
  return list;
}

/** CREATE USER / DROP USER (after CREATE or DROP), GRANT, REVOKE and FLUSH PRIVILEGES, as mysql reads them. */
export function mysqlAcl(p: ExprParser, verb: 'create' | 'drop' | 'grant' | 'revoke' | 'flush'): MysqlAclStmt {
  if (verb === 'flush') return (p.expect('PRIVILEGES'), { k: 'flush' });
  if (verb === 'create' || verb === 'drop') {
    p.expect('USER');
    const ifClause = p.eat('IF') ? (verb === 'create' && p.expect('NOT'), p.expect('EXISTS'), true) : false;
    const users = accounts(p);
    let password = '';
    if (verb === 'create' && p.eat('IDENTIFIED')) {
      if (p.eat('WITH')) p.ident();
      p.expect('BY');
      const t = p.peek();
      if (t?.t !== 'str') p.fail();
      p.i++;
      password = t.v;
    }
    return { k: 'my-user', op: verb, users, password, ifClause };
  }
  while (p.peek() && !p.is('ON')) p.i++; // the privileges: all of them count as using the database
  p.expect('ON');
  p.eat('TABLE');
  let db: string | null;
  if (p.eat('*')) db = p.eat('.') ? (p.expect('*'), '*') : null;
  else {
    const first = p.ident();
    db = p.eat('.') ? (p.eat('*') || p.ident(), first) : null;
  }
  if (!p.eat(verb === 'grant' ? 'TO' : 'FROM')) p.fail();
  const users = accounts(p);
  if (verb === 'grant' && p.eat('WITH')) (p.expect('GRANT'), p.expect('OPTION'));
  return { k: 'my-grant', revoke: verb === 'revoke', db, users };
}
