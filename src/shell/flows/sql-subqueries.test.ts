// Subqueries, RIGHT and FULL JOIN, savepoints and postgres' roles and grants, in each server's own words.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const q = (sql: string) => sql.replace(/'/g, `'"'"'`);

async function postgres() {
  const s = createSession({ headless: true });
  await s.run('docker pull -q postgres');
  await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw postgres');
  await s.run('sleep 2');
  const psql = (sql: string, user = 'postgres') => s.run(`docker exec pg psql -U ${user} -d postgres -c '${q(sql)}'`);
  await psql("CREATE TABLE users (id serial PRIMARY KEY, name varchar(50) NOT NULL, age int)");
  await psql("INSERT INTO users (name, age) VALUES ('alice', 30), ('bob', 4), ('carol', 41)");
  await psql('CREATE TABLE orders (id serial PRIMARY KEY, user_id int, total numeric(8,2))');
  await psql('INSERT INTO orders (user_id, total) VALUES (1, 10.5), (1, 20), (2, 7.25), (9, 3)');
  return { s, psql };
}

const rows = (header: string, ...lines: string[]) => `${header}\n${lines.join('\n')}\n(${lines.length - 1} row${lines.length === 2 ? '' : 's'})\n\n`;

// Messages: postgres src/backend/executor/nodeSubplan.c ("more than one row returned by a subquery used as an expression"),
// src/backend/parser/parse_expr.c ("subquery must return only one column", "subquery has too many columns", at the sublink:
// its "(" or the IN), access/transam/xact.c (savepoints), catalog/aclchk.c (GRANT, "permission denied for table %s"),
// utils/adt/acl.c ("role \"%s\" does not exist"), commands/user.c (CREATE ROLE's "already exists", DROP ROLE IF EXISTS' NOTICE).
describe('postgres: subqueries, RIGHT/FULL JOIN, savepoints, roles and grants', () => {
  it('scalar subqueries (correlated too) name their column after the inner one; IN, EXISTS, NOT EXISTS', async () => {
    const { psql } = await postgres();
    expect((await psql('SELECT name, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS n FROM users u ORDER BY name')).stdout).toBe(rows(' name  | n ', '-------+---', ' alice | 2', ' bob   | 1', ' carol | 0'));
    expect((await psql('SELECT (SELECT max(age) FROM users)')).stdout).toBe(rows(' max ', '-----', '  41'));
    expect((await psql('SELECT name FROM users WHERE age > (SELECT avg(age) FROM users) ORDER BY 1')).stdout).toBe(rows(' name  ', '-------', ' alice', ' carol'));
    expect((await psql('SELECT name FROM users WHERE id IN (SELECT user_id FROM orders) ORDER BY 1')).stdout).toBe(rows(' name  ', '-------', ' alice', ' bob'));
    expect((await psql('SELECT name FROM users WHERE id NOT IN (SELECT user_id FROM orders)')).stdout).toBe(rows(' name  ', '-------', ' carol'));
    expect((await psql('SELECT name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders WHERE user_id = u.id)')).stdout).toBe(rows(' name  ', '-------', ' carol'));
    expect((await psql('SELECT EXISTS (SELECT 1 FROM users WHERE age > 40)')).stdout).toBe(rows(' exists ', '--------', ' t'));
    expect((await psql('DELETE FROM orders WHERE user_id NOT IN (SELECT id FROM users)')).stdout).toBe('DELETE 1\n');
  });

  it('a derived table: FROM (SELECT …) with or without its alias (postgres 16 and later need none)', async () => {
    const { psql } = await postgres();
    expect((await psql('SELECT t.user_id, t.spent FROM (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) AS t WHERE t.spent > 5 ORDER BY t.spent DESC')).stdout).toBe(rows(' user_id | spent ', '---------+-------', '       1 | 30.50', '       2 |  7.25'));
    expect((await psql('SELECT count(*) FROM (SELECT DISTINCT user_id FROM orders)')).stdout).toBe(rows(' count ', '-------', '     3'));
    expect((await psql('SELECT u.name, s.n FROM users u JOIN (SELECT user_id, count(*) AS n FROM orders GROUP BY user_id) s ON s.user_id = u.id ORDER BY 1')).stdout).toBe(rows(' name  | n ', '-------+---', ' alice | 2', ' bob   | 1'));
  });

  it('subquery errors: too many rows at run time, too many columns where the subquery is written', async () => {
    const { psql } = await postgres();
    expect((await psql('SELECT (SELECT name FROM users)')).stderr).toBe('ERROR:  more than one row returned by a subquery used as an expression\n');
    expect((await psql('SELECT (SELECT id, name FROM users)')).stderr).toBe('ERROR:  subquery must return only one column\nLINE 1: SELECT (SELECT id, name FROM users)\n               ^\n');
    expect((await psql('SELECT 1 WHERE 1 IN (SELECT id, name FROM users)')).stderr).toBe('ERROR:  subquery has too many columns\nLINE 1: SELECT 1 WHERE 1 IN (SELECT id, name FROM users)\n                         ^\n');
    expect((await psql('SELECT (SELECT nope FROM users WHERE id = 1)')).stderr).toBe('ERROR:  column "nope" does not exist\nLINE 1: SELECT (SELECT nope FROM users WHERE id = 1)\n                       ^\n');
  });

  it('RIGHT JOIN keeps every right row, FULL JOIN every row of both sides', async () => {
    const { psql } = await postgres();
    expect((await psql('SELECT u.name, o.total FROM users u RIGHT JOIN orders o ON o.user_id = u.id ORDER BY o.total')).stdout).toBe(rows(' name  | total ', '-------+-------', '       |  3.00', ' bob   |  7.25', ' alice | 10.50', ' alice | 20.00'));
    expect((await psql('SELECT u.name, o.total FROM users u FULL OUTER JOIN orders o ON o.user_id = u.id ORDER BY o.total, u.name')).stdout).toBe(rows(' name  | total ', '-------+-------', '       |  3.00', ' bob   |  7.25', ' alice | 10.50', ' alice | 20.00', ' carol |      '));
  });

  it('SAVEPOINT, ROLLBACK TO (which also ends an aborted state) and RELEASE; outside a transaction block they fail', async () => {
    const { s, psql } = await postgres();
    expect((await psql('SAVEPOINT a')).stderr).toBe('ERROR:  SAVEPOINT can only be used in transaction blocks\n');
    expect((await psql('ROLLBACK TO nope')).stderr).toBe('ERROR:  ROLLBACK TO SAVEPOINT can only be used in transaction blocks\n');
    expect((await psql('RELEASE SAVEPOINT a')).stderr).toBe('ERROR:  RELEASE SAVEPOINT can only be used in transaction blocks\n');
    await s.run(`printf 'BEGIN;\\nSAVEPOINT sp;\\nDELETE FROM orders;\\nROLLBACK TO SAVEPOINT sp;\\nSAVEPOINT two;\\nSELECT nope;\\nSELECT 1;\\nROLLBACK TO sp;\\nINSERT INTO orders (user_id, total) VALUES (3, 1);\\nRELEASE sp;\\nRELEASE two;\\nSELECT 1;\\nCOMMIT;\\n' > sp.sql`);
    const r = await s.run('docker exec -i pg psql -U postgres < sp.sql');
    expect(r.stdout).toBe('BEGIN\nSAVEPOINT\nDELETE 4\nROLLBACK\nSAVEPOINT\nROLLBACK\nINSERT 0 1\nRELEASE\nROLLBACK\n');
    expect(r.stderr).toBe(
      'psql:<stdin>:6: ERROR:  column "nope" does not exist\nLINE 1: SELECT nope;\n               ^\n' +
        'psql:<stdin>:7: ERROR:  current transaction is aborted, commands ignored until end of transaction block\n' +
        'psql:<stdin>:11: ERROR:  savepoint "two" does not exist\n' +
        'psql:<stdin>:12: ERROR:  current transaction is aborted, commands ignored until end of transaction block\n',
    );
    // the failed RELEASE aborted the transaction, so COMMIT rolled it back: the four orders are as before
    expect((await psql('SELECT count(*) FROM orders')).stdout).toBe(rows(' count ', '-------', '     4'));
  });

  it('CREATE USER, GRANT and REVOKE on tables; a role without the privilege is refused', async () => {
    const { psql } = await postgres();
    expect((await psql("CREATE USER bob WITH PASSWORD 'secret'")).stdout).toBe('CREATE ROLE\n');
    expect((await psql('CREATE ROLE bob')).stderr).toBe('ERROR:  role "bob" already exists\n');
    expect((await psql('SELECT name FROM users WHERE id = 1', 'bob')).stderr).toBe('ERROR:  permission denied for table users\n');
    expect((await psql('GRANT SELECT, INSERT ON users TO bob')).stdout).toBe('GRANT\n');
    expect((await psql('SELECT name FROM users WHERE id = 1', 'bob')).stdout).toBe(rows(' name  ', '-------', ' alice'));
    expect((await psql("INSERT INTO users (name) VALUES ('dan')", 'bob')).stdout).toBe('INSERT 0 1\n');
    expect((await psql('DELETE FROM users', 'bob')).stderr).toBe('ERROR:  permission denied for table users\n');
    expect((await psql('SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id', 'bob')).stderr).toBe('ERROR:  permission denied for table orders\n');
    expect((await psql('REVOKE ALL PRIVILEGES ON users FROM bob')).stdout).toBe('REVOKE\n');
    expect((await psql('SELECT 1 FROM users', 'bob')).stderr).toBe('ERROR:  permission denied for table users\n');
    expect((await psql('GRANT ALL ON ALL TABLES IN SCHEMA public TO bob')).stdout).toBe('GRANT\n');
    expect((await psql('DELETE FROM orders WHERE total < 5', 'bob')).stdout).toBe('DELETE 1\n');
    // bad input: the table, then the role, then the privilege (the order ExecuteGrantStmt checks them in)
    expect((await psql('GRANT SELECT ON nope TO nobody')).stderr).toBe('ERROR:  relation "nope" does not exist\n');
    expect((await psql('GRANT SELECT ON users TO nobody')).stderr).toBe('ERROR:  role "nobody" does not exist\n');
    expect((await psql('GRANT CONNECT ON users TO bob')).stderr).toBe('ERROR:  invalid privilege type CONNECT for relation\n');
    expect((await psql('GRANT FOO ON users TO bob')).stderr).toBe('ERROR:  unrecognized privilege type "foo"\n');
    const drop = await psql('DROP ROLE IF EXISTS ghost');
    expect([drop.stdout, drop.stderr]).toEqual(['DROP ROLE\n', 'NOTICE:  role "ghost" does not exist, skipping\n']);
    expect((await psql('DROP USER ghost')).stderr).toBe('ERROR:  role "ghost" does not exist\n');
  });
});

// Messages: mysql-server share/messages_to_clients.txt (ER_SUBQUERY_NO_1_ROW 1242, ER_OPERAND_COLUMNS 1241, ER_SP_DOES_NOT_EXIST 1305 "%s %s does not exist",
// ER_CANNOT_USER 1396, ER_CANT_CREATE_USER_WITH_GRANT 1410, ER_UPDATE_TABLE_USED 1093, ER_DERIVED_MUST_HAVE_ALIAS 1248, ER_NONEXISTING_GRANT 1141, ER_SPECIFIC_ACCESS_DENIED_ERROR 1227);
// FULL is no reserved word in MySQL, so `users FULL JOIN orders` names users "FULL" and joins inner.
describe('mysql: subqueries, RIGHT JOIN, no FULL JOIN, savepoints, accounts and grants', () => {
  const WARN = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';
  async function mysql() {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name my -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=shop mysql');
    await s.run('sleep 10');
    const my = (sql: string) => s.run(`docker exec my mysql -uroot -ppw -t shop -e '${q(sql)}'`);
    await my('CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50), age INT)');
    await my("INSERT INTO users (name, age) VALUES ('alice', 30), ('bob', 4), ('carol', 41)");
    await my('CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT, total DECIMAL(8,2))');
    await my('INSERT INTO orders (user_id, total) VALUES (1, 10.5), (1, 20), (2, 7.25), (9, 3)');
    return { s, my };
  }

  it('subqueries show their text as the header; RIGHT JOIN; FULL JOIN is an alias and then an error', async () => {
    const { my } = await mysql();
    expect((await my('SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id) AS n FROM users u WHERE EXISTS (SELECT 1 FROM orders WHERE user_id = u.id) ORDER BY name')).stdout).toBe('+-------+---+\n| name  | n |\n+-------+---+\n| alice | 2 |\n| bob   | 1 |\n+-------+---+\n');
    expect((await my('SELECT (SELECT MAX(age) FROM users)')).stdout).toBe('+------------------------------+\n| (SELECT MAX(age) FROM users) |\n+------------------------------+\n|                           41 |\n+------------------------------+\n');
    expect((await my('SELECT u.name, o.total FROM users u RIGHT JOIN orders o ON o.user_id = u.id ORDER BY o.total')).stdout).toBe('+-------+-------+\n| name  | total |\n+-------+-------+\n| NULL  |  3.00 |\n| bob   |  7.25 |\n| alice | 10.50 |\n| alice | 20.00 |\n+-------+-------+\n');
    expect((await my('SELECT * FROM users FULL JOIN orders ON users.id = orders.user_id')).stderr).toBe(`${WARN}ERROR 1054 (42S22) at line 1: Unknown column 'users.id' in 'on clause'\n`);
    expect((await my('SELECT * FROM users FULL OUTER JOIN orders ON users.id = orders.user_id')).stderr).toBe(`${WARN}ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'OUTER JOIN orders ON users.id = orders.user_id' at line 1\n`);
    // ER_DERIVED_MUST_HAVE_ALIAS
    expect((await my('SELECT COUNT(*) FROM (SELECT DISTINCT user_id FROM orders)')).stderr).toBe(`${WARN}ERROR 1248 (42000) at line 1: Every derived table must have its own alias\n`);
    expect((await my('SELECT COUNT(*) AS n FROM (SELECT DISTINCT user_id FROM orders) AS t')).stdout).toBe('+---+\n| n |\n+---+\n| 3 |\n+---+\n');
    expect((await my('SELECT (SELECT name FROM users)')).stderr).toBe(`${WARN}ERROR 1242 (21000) at line 1: Subquery returns more than 1 row\n`);
    expect((await my('SELECT (SELECT id, name FROM users)')).stderr).toBe(`${WARN}ERROR 1241 (21000) at line 1: Operand should contain 1 column(s)\n`);
    expect((await my('SELECT name FROM users WHERE id IN (SELECT id, name FROM users)')).stderr).toBe(`${WARN}ERROR 1241 (21000) at line 1: Operand should contain 1 column(s)\n`);
    // ER_UPDATE_TABLE_USED: a DELETE or UPDATE may not read its own table in a subquery (another table is fine)
    expect((await my('DELETE FROM users WHERE age < (SELECT AVG(age) FROM users)')).stderr).toBe(`${WARN}ERROR 1093 (HY000) at line 1: You can't specify target table 'users' for update in FROM clause\n`);
    expect((await my('UPDATE users SET age = age + 1 WHERE id IN (SELECT user_id FROM orders)')).stderr).toBe(WARN);
    expect((await my('DELETE FROM orders WHERE user_id NOT IN (SELECT id FROM users)')).stderr).toBe(WARN);
    expect((await my('SELECT name, age FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders WHERE user_id = u.id) OR age > 30 ORDER BY name')).stdout).toBe('+-------+-----+\n| name  | age |\n+-------+-----+\n| alice |  31 |\n| carol |  41 |\n+-------+-----+\n');
  });

  it('savepoints inside a transaction; outside one a savepoint lasts no longer than its statement', async () => {
    const { my } = await mysql();
    expect((await my('SAVEPOINT a; ROLLBACK TO a')).stderr).toBe(`${WARN}ERROR 1305 (42000) at line 1: SAVEPOINT a does not exist\n`);
    const r = await my('START TRANSACTION; SAVEPOINT a; DELETE FROM orders; ROLLBACK TO SAVEPOINT a; SELECT COUNT(*) FROM orders; RELEASE SAVEPOINT a; RELEASE SAVEPOINT a');
    expect([r.stdout, r.stderr]).toEqual(['+----------+\n| COUNT(*) |\n+----------+\n|        4 |\n+----------+\n', `${WARN}ERROR 1305 (42000) at line 1: SAVEPOINT a does not exist\n`]);
  });

  it('CREATE USER, GRANT … ON db.*, FLUSH PRIVILEGES, REVOKE and DROP USER; each refusal in mysql words', async () => {
    const { s, my } = await mysql();
    const bob = (sql: string, db = 'shop') => s.run(`docker exec my mysql -ubob -pbobpw ${db} -e '${q(sql)}'`);
    expect((await my("GRANT ALL PRIVILEGES ON shop.* TO 'bob'@'%'")).stderr).toBe(`${WARN}ERROR 1410 (42000) at line 1: You are not allowed to create a user with GRANT\n`);
    const made = await my("CREATE USER 'bob'@'%' IDENTIFIED BY 'bobpw'; GRANT SELECT, INSERT ON shop.* TO 'bob'@'%'; FLUSH PRIVILEGES");
    expect([made.stdout, made.stderr, made.exitCode]).toEqual(['', WARN, 0]);
    expect((await my("CREATE USER 'bob'@'%' IDENTIFIED BY 'x'")).stderr).toBe(`${WARN}ERROR 1396 (HY000) at line 1: Operation CREATE USER failed for 'bob'@'%'\n`);
    expect((await bob('SELECT COUNT(*) FROM users')).stdout).toBe('COUNT(*)\n3\n');
    expect((await bob('SELECT 1', 'mysql')).stderr).toBe(`${WARN}ERROR 1044 (42000): Access denied for user 'bob'@'%' to database 'mysql'\n`);
    expect((await bob("CREATE USER 'eve'")).stderr).toBe(`${WARN}ERROR 1227 (42000) at line 1: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation\n`);
    expect((await my("REVOKE ALL PRIVILEGES ON shop.* FROM 'bob'@'%'")).stderr).toBe(WARN);
    expect((await bob('SELECT 1')).stderr).toBe(`${WARN}ERROR 1044 (42000): Access denied for user 'bob'@'%' to database 'shop'\n`);
    expect((await my("REVOKE ALL PRIVILEGES ON shop.* FROM 'bob'@'%'")).stderr).toBe(`${WARN}ERROR 1141 (42000) at line 1: There is no such grant defined for user 'bob' on host '%'\n`);
    expect((await my("DROP USER 'bob'@'%'; DROP USER 'bob'@'%'")).stderr).toBe(`${WARN}ERROR 1396 (HY000) at line 1: Operation DROP USER failed for 'bob'@'%'\n`);
    expect((await bob('SELECT 1')).stderr).toBe(`${WARN}ERROR 1045 (28000): Access denied for user 'bob'@'localhost' (using password: YES)\n`);
  });
});
