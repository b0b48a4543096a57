// The SQL learners write after the basics: JOINs, GROUP BY with aggregates, ALTER TABLE, transactions, psql's \d and error carets, mysql grants.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const q = (sql: string) => sql.replace(/'/g, `'"'"'`);

async function postgres() {
  const s = createSession({ headless: true });
  await s.run('docker pull -q postgres');
  await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw postgres');
  await s.run('sleep 2');
  const psql = (sql: string) => s.run(`docker exec pg psql -U postgres -c '${q(sql)}'`);
  await psql("CREATE TABLE users (id serial PRIMARY KEY, name varchar(50) NOT NULL UNIQUE, age int, city text DEFAULT 'Paris')");
  await psql("INSERT INTO users (name, age) VALUES ('alice', 30), ('bob', 4), ('carol', 41)");
  await psql('CREATE TABLE orders (id serial PRIMARY KEY, user_id int, total numeric(8,2))');
  await psql('INSERT INTO orders (user_id, total) VALUES (1, 10.5), (1, 20), (2, 7.25)');
  return { s, psql };
}

describe('postgres queries', () => {
  it('JOIN, LEFT JOIN with GROUP BY and every aggregate, ORDER BY an alias, LIMIT/OFFSET', async () => {
    const { psql } = await postgres();
    expect((await psql('SELECT u.name, o.total FROM users u JOIN orders o ON o.user_id = u.id ORDER BY o.total')).stdout).toBe(
      ' name  | total \n-------+-------\n bob   |  7.25\n alice | 10.50\n alice | 20.00\n(3 rows)\n\n',
    );
    expect((await psql('SELECT u.name, count(o.id) AS orders, sum(o.total), avg(o.total), min(o.total), max(o.total) FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id ORDER BY orders DESC, u.name')).stdout).toBe(
      [
        ' name  | orders |  sum  |         avg         |  min  |  max  ',
        '-------+--------+-------+---------------------+-------+-------',
        ' alice |      2 | 30.50 | 15.2500000000000000 | 10.50 | 20.00',
        ' bob   |      1 |  7.25 |  7.2500000000000000 |  7.25 |  7.25',
        ' carol |      0 |       |                     |       |      ',
        '(3 rows)', '', '',
      ].join('\n'),
    );
    // avg of integers: numeric with at least 16 significant digits
    expect((await psql('SELECT avg(age), count(*) FROM users WHERE age > 1')).stdout).toBe('         avg         | count \n---------------------+-------\n 25.0000000000000000 |     3\n(1 row)\n\n');
    expect((await psql('SELECT round(avg(age), 2) AS mean FROM users')).stdout).toBe(' mean  \n-------\n 25.00\n(1 row)\n\n');
    expect((await psql('SELECT age > 10 AS adult, count(*) FROM users GROUP BY adult ORDER BY 1')).stdout).toBe(' adult | count \n-------+-------\n f     |     1\n t     |     2\n(2 rows)\n\n');
    expect((await psql('SELECT city, count(*) FROM users GROUP BY city HAVING count(*) > 1')).stdout).toBe(' city  | count \n-------+-------\n Paris |     3\n(1 row)\n\n');
    expect((await psql('SELECT name FROM users ORDER BY id LIMIT 2 OFFSET 1')).stdout).toBe(' name  \n-------\n bob\n carol\n(2 rows)\n\n');
    expect((await psql("UPDATE users SET age = age + 1 WHERE users.name = 'bob'")).stdout).toBe('UPDATE 1\n');
    expect((await psql('SELECT DISTINCT city FROM users WHERE age IN (5, 30) OR age BETWEEN 40 AND 50')).stdout).toBe(' city  \n-------\n Paris\n(1 row)\n\n');
  });

  it('errors point at the query: LINE 1 and a caret', async () => {
    const { psql } = await postgres();
    const err = async (sql: string) => {
      const r = await psql(sql);
      expect(r.exitCode).toBe(1);
      return r.stderr;
    };
    expect(await err('SELEC * FROM users')).toBe('ERROR:  syntax error at or near "SELEC"\nLINE 1: SELEC * FROM users\n        ^\n');
    expect(await err('SELECT * FROM')).toBe('ERROR:  syntax error at end of input\nLINE 1: SELECT * FROM\n                     ^\n');
    expect(await err('SELECT nope FROM users')).toBe('ERROR:  column "nope" does not exist\nLINE 1: SELECT nope FROM users\n               ^\n');
    expect(await err('SELECT id FROM users u JOIN orders o ON o.user_id = u.id')).toBe('ERROR:  column reference "id" is ambiguous\nLINE 1: SELECT id FROM users u JOIN orders o ON o.user_id = u.id\n               ^\n');
    expect(await err('SELECT name, count(*) FROM users')).toBe('ERROR:  column "users.name" must appear in the GROUP BY clause or be used in an aggregate function\nLINE 1: SELECT name, count(*) FROM users\n               ^\n');
    expect(await err('SELECT x.name FROM users')).toBe('ERROR:  missing FROM-clause entry for table "x"\nLINE 1: SELECT x.name FROM users\n               ^\n');
    expect(await err('INSERT INTO nope VALUES (1)')).toBe('ERROR:  relation "nope" does not exist\nLINE 1: INSERT INTO nope VALUES (1)\n                    ^\n');
    expect(await err('DROP TABLE nope')).toBe('ERROR:  table "nope" does not exist\n');
    // a long line is cut to 60 columns around the error, with ... where it was cut
    expect(await err("SELECT name, age, city FROM users WHERE name = 'someone with a long name' AND nope = 1")).toBe(
      'ERROR:  column "nope" does not exist\nLINE 1: ...M users WHERE name = \'someone with a long name\' AND nope = 1\n                                                               ^\n',
    );
  });

  it('ALTER TABLE ADD COLUMN, \\d TABLE and \\d', async () => {
    const { psql } = await postgres();
    expect((await psql('ALTER TABLE users ADD COLUMN email varchar(100)')).stdout).toBe('ALTER TABLE\n');
    expect((await psql('ALTER TABLE users ADD COLUMN email text')).stderr).toBe('ERROR:  column "email" of relation "users" already exists\n');
    expect((await psql('\\d users')).stdout).toBe(
      [
        '                                    Table "public.users"',
        ' Column |          Type          | Collation | Nullable |              Default              ',
        '--------+------------------------+-----------+----------+-----------------------------------',
        " id     | integer                |           | not null | nextval('users_id_seq'::regclass)",
        ' name   | character varying(50)  |           | not null | ',
        ' age    | integer                |           |          | ',
        " city   | text                   |           |          | 'Paris'::text",
        ' email  | character varying(100) |           |          | ',
        'Indexes:',
        '    "users_pkey" PRIMARY KEY, btree (id)',
        '    "users_name_key" UNIQUE CONSTRAINT, btree (name)',
        '', '',
      ].join('\n'),
    );
    expect((await psql('SELECT name, email FROM users WHERE id = 1')).stdout).toBe(' name  | email \n-------+-------\n alice | \n(1 row)\n\n');
    expect((await psql('\\d')).stdout).toBe(
      '              List of relations\n Schema |     Name      |   Type   |  Owner   \n--------+---------------+----------+----------\n public | orders        | table    | postgres\n public | orders_id_seq | sequence | postgres\n public | users         | table    | postgres\n public | users_id_seq  | sequence | postgres\n(4 rows)\n\n',
    );
    expect((await psql('\\d nope')).stderr).toBe('Did not find any relation named "nope".\n');
  });

  it('BEGIN, ROLLBACK and COMMIT; a failed statement aborts the transaction', async () => {
    const { s, psql } = await postgres();
    const none = await psql('ROLLBACK');
    expect([none.stdout, none.stderr]).toEqual(['ROLLBACK\n', 'WARNING:  there is no transaction in progress\n']);
    await s.run(`printf 'BEGIN;\\nDELETE FROM orders;\\nSELECT count(*) FROM orders;\\nROLLBACK;\\nSELECT count(*) FROM orders;\\nBEGIN;\\nINSERT INTO orders (user_id, total) VALUES (3, 1);\\nSELECT * FROM nope;\\nSELECT 1;\\nCOMMIT;\\n' > tx.sql`);
    const r = await s.run('docker exec -i pg psql -U postgres < tx.sql');
    expect(r.stdout).toBe('BEGIN\nDELETE 3\n count \n-------\n     0\n(1 row)\n\nROLLBACK\n count \n-------\n     3\n(1 row)\n\nBEGIN\nINSERT 0 1\nROLLBACK\n');
    expect(r.stderr).toBe(
      'psql:<stdin>:8: ERROR:  relation "nope" does not exist\nLINE 1: SELECT * FROM nope;\n                      ^\npsql:<stdin>:9: ERROR:  current transaction is aborted, commands ignored until end of transaction block\n',
    );
    // the aborted transaction's INSERT never reached the table; a committed one does
    await psql('BEGIN; UPDATE users SET age = 5 WHERE name = \'bob\'; COMMIT');
    expect((await psql('SELECT count(*), max(age) FROM orders, users WHERE orders.user_id = users.id AND users.name = \'bob\'')).stdout).toBe(' count | max \n-------+-----\n     1 |   5\n(1 row)\n\n');
  });

  it('the psql prompt shows an open transaction (=*#) and a failed one (=!#)', async () => {
    const { s } = await postgres();
    await s.run('docker exec -it pg psql -U postgres');
    const seen: string[] = [];
    for (const l of ['BEGIN;', "INSERT INTO users (name) VALUES ('dan');", 'SELECT nope;', 'ROLLBACK;', 'SELECT count(*) FROM users;']) {
      const p = s.prompt();
      seen.push(p + l + '\n' + (await s.run(l)).output);
    }
    expect(seen).toEqual([
      'postgres=# BEGIN;\nBEGIN\n',
      "postgres=*# INSERT INTO users (name) VALUES ('dan');\nINSERT 0 1\n",
      'postgres=*# SELECT nope;\nERROR:  column "nope" does not exist\nLINE 1: SELECT nope;\n               ^\n',
      'postgres=!# ROLLBACK;\nROLLBACK\n',
      'postgres=# SELECT count(*) FROM users;\n count \n-------\n     3\n(1 row)\n\n',
    ]);
  });
});

describe('mysql queries and grants', () => {
  async function mysql() {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name my -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=shop -e MYSQL_USER=app -e MYSQL_PASSWORD=apppw mysql');
    await s.run('sleep 10');
    const my = (sql: string, who = '-uroot -ppw') => s.run(`docker exec my mysql ${who} -t shop -e '${q(sql)}'`);
    await my('CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50), age INT)');
    await my("INSERT INTO users (name, age) VALUES ('alice', 30), ('bob', 4), ('carol', 41)");
    await my('CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT, total DECIMAL(8,2))');
    await my('INSERT INTO orders (user_id, total) VALUES (1, 10.5), (1, 20), (2, 7.25)');
    return { s, my };
  }
  const WARN = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';

  it('LEFT JOIN with GROUP BY: headers as typed, decimals in their scale, ONLY_FULL_GROUP_BY errors', async () => {
    const { s, my } = await mysql();
    expect((await my('SELECT u.name, COUNT(o.id) AS n, SUM(o.total), AVG(o.total), AVG(u.age) FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id ORDER BY n DESC')).stdout).toBe(
      [
        '+-------+---+--------------+--------------+------------+',
        '| name  | n | SUM(o.total) | AVG(o.total) | AVG(u.age) |',
        '+-------+---+--------------+--------------+------------+',
        '| alice | 2 |        30.50 |    15.250000 |    30.0000 |',
        '| bob   | 1 |         7.25 |     7.250000 |     4.0000 |',
        '| carol | 0 |         NULL |         NULL |    41.0000 |',
        '+-------+---+--------------+--------------+------------+',
        '',
      ].join('\n'),
    );
    expect((await my('SELECT name, COUNT(*) FROM users')).stderr).toBe(`${WARN}ERROR 1140 (42000) at line 1: In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column 'shop.users.name'; this is incompatible with sql_mode=only_full_group_by\n`);
    expect((await my('SELECT name, COUNT(*) FROM users GROUP BY age')).stderr).toBe(`${WARN}ERROR 1055 (42000) at line 1: Expression #1 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'shop.users.name' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by\n`);
    expect((await my('SELECT id FROM users u JOIN orders o ON o.user_id = u.id')).stderr).toBe(`${WARN}ERROR 1052 (23000) at line 1: Column 'id' in field list is ambiguous\n`);
    expect((await my('SELECT * FROM users WHERE nope = 1')).stderr).toBe(`${WARN}ERROR 1054 (42S22) at line 1: Unknown column 'nope' in 'where clause'\n`);
    expect((await my('SELEC * FROM users')).stderr).toBe(`${WARN}ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC * FROM users' at line 1\n`);
    expect((await my('SELECT name FROM users ORDER BY id LIMIT 1, 1')).stdout).toBe('+------+\n| name |\n+------+\n| bob  |\n+------+\n');
    // a script on stdin: the error names the line the failing statement ended on
    await s.run(`printf 'SELECT 1;\\nUPDATE users\\n  SET nope = 1;\\nSELECT 2;\\n' > bad.sql`);
    expect((await s.run('docker exec -i my mysql -uroot -ppw shop < bad.sql')).stderr).toBe(`${WARN}ERROR 1054 (42S22) at line 3: Unknown column 'nope' in 'field list'\n`);
  });

  it('ALTER TABLE and transactions at the mysql> prompt', async () => {
    const { s } = await mysql();
    await s.run('docker exec -it my mysql -uroot -ppw shop');
    const out: string[] = [];
    for (const l of ['ALTER TABLE users ADD COLUMN email VARCHAR(100);', 'START TRANSACTION;', 'DELETE FROM orders;', 'ROLLBACK;', 'SELECT COUNT(*) FROM orders;', 'ALTER TABLE users DROP COLUMN nope;']) out.push((await s.run(l)).output);
    expect(out).toEqual([
      'Query OK, 0 rows affected (0.00 sec)\nRecords: 0  Duplicates: 0  Warnings: 0\n\n',
      'Query OK, 0 rows affected (0.00 sec)\n\n',
      'Query OK, 3 rows affected (0.00 sec)\n\n',
      'Query OK, 0 rows affected (0.00 sec)\n\n',
      '+----------+\n| COUNT(*) |\n+----------+\n|        3 |\n+----------+\n1 row in set (0.00 sec)\n\n',
      "ERROR 1091 (42000): Can't DROP 'nope'; check that column/key exists\n",
    ]);
  });

  it('MYSQL_USER sees only MYSQL_DATABASE; other databases give ERROR 1044', async () => {
    const { s, my } = await mysql();
    const app = '-uapp -papppw';
    expect((await my('SHOW DATABASES', app)).stdout).toBe('+--------------------+\n| Database           |\n+--------------------+\n| information_schema |\n| performance_schema |\n| shop               |\n+--------------------+\n');
    expect((await my('SELECT COUNT(*) AS n FROM users', app)).stdout).toBe('+---+\n| n |\n+---+\n| 3 |\n+---+\n');
    expect((await my('CREATE DATABASE other', app)).stderr).toBe(`${WARN}ERROR 1044 (42000) at line 1: Access denied for user 'app'@'%' to database 'other'\n`);
    expect((await my('USE mysql', app)).stderr).toBe(`${WARN}ERROR 1044 (42000) at line 1: Access denied for user 'app'@'%' to database 'mysql'\n`);
    const connect = await s.run(`docker exec my mysql ${app} mysql -e 'SELECT 1'`);
    expect([connect.stderr, connect.exitCode]).toEqual([`${WARN}ERROR 1044 (42000): Access denied for user 'app'@'%' to database 'mysql'\n`, 1]);
    // root still sees everything
    expect((await s.run(`docker exec my mysql -uroot -ppw -e 'SHOW DATABASES'`)).stdout).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
  });
});
