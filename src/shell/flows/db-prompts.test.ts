// docker exec -it into a database client: its prompt (mysql>, postgres=#, 127.0.0.1:6379>, test>) takes typed lines until exit.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

async function typed(s: ReturnType<typeof createSession>, lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const l of lines) {
    const prompt = s.prompt();
    const r = await s.run(l);
    out.push(`${prompt}${l}\n${r.output.replace(/\r\n/g, '\n')}`);
  }
  return out;
}

describe('client prompts', () => {
  it('mysql -p asks for the password, then runs statements ending in ; and says Bye', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw mysql');
    await s.run('sleep 10');
    const t = await typed(s, ['docker exec -it db mysql -uroot -p', 'pw', 'CREATE DATABASE shop;', 'use shop', 'CREATE TABLE t (id int,', 'name text);', "INSERT INTO t VALUES (1, 'a'), (2, 'b');", 'SELECT * FROM t;', 'SELECT * FROM nope;', 'exit']);
    expect(t[0]).toBe('root@dockerlings:~# docker exec -it db mysql -uroot -p\n');
    expect(t[1]).toMatch(/^Enter password: pw\nWelcome to the MySQL monitor\. {2}Commands end with ; or \\g\.\nYour MySQL connection id is \d+\nServer version: 9\.1\.0 MySQL Community Server - GPL\n/);
    expect(t.slice(2)).toEqual([
      'mysql> CREATE DATABASE shop;\nQuery OK, 1 row affected (0.00 sec)\n\n',
      'mysql> use shop\nDatabase changed\n',
      'mysql> CREATE TABLE t (id int,\n',
      '    -> name text);\nQuery OK, 0 rows affected (0.00 sec)\n\n',
      "mysql> INSERT INTO t VALUES (1, 'a'), (2, 'b');\nQuery OK, 2 rows affected (0.00 sec)\nRecords: 2  Duplicates: 0  Warnings: 0\n\n",
      'mysql> SELECT * FROM t;\n+----+------+\n| id | name |\n+----+------+\n|  1 | a    |\n|  2 | b    |\n+----+------+\n2 rows in set (0.00 sec)\n\n',
      "mysql> SELECT * FROM nope;\nERROR 1146 (42S02): Table 'shop.nope' doesn't exist\n",
      'mysql> exit\nBye\n',
    ]);
    expect(s.prompt()).toBe('root@dockerlings:~# ');
    expect((await s.run('docker exec -it db mysql -uroot -pwrong')).output.replace(/\r\n/g, '\n')).toBe("mysql: [Warning] Using a password on the command line interface can be insecure.\nERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n");
  });

  it('psql, redis-cli and mongosh prompts', async () => {
    const s = createSession({ headless: true });
    for (const i of ['postgres', 'redis', 'mongo']) await s.run(`docker pull -q ${i}`);
    await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw postgres');
    await s.run('docker run -d --name rd redis');
    await s.run('docker run -d --name mg mongo');
    await s.run('sleep 2');
    const pg = await typed(s, ['docker exec -it pg psql -U postgres', 'CREATE TABLE x (n int);', 'SELECT * FROM x;', '\\q']);
    expect(pg).toEqual([
      'root@dockerlings:~# docker exec -it pg psql -U postgres\npsql (17.2 (Debian 17.2-1.pgdg120+1))\nType "help" for help.\n\n',
      'postgres=# CREATE TABLE x (n int);\nCREATE TABLE\n',
      'postgres=# SELECT * FROM x;\n n \n---\n(0 rows)\n\n',
      'postgres=# \\q\n',
    ]);
    const rd = await typed(s, ['docker exec -it rd redis-cli', 'SET a 1', 'INCR a', 'GET a', 'exit']);
    expect(rd.slice(1)).toEqual(['127.0.0.1:6379> SET a 1\nOK\n', '127.0.0.1:6379> INCR a\n(integer) 2\n', '127.0.0.1:6379> GET a\n"2"\n', '127.0.0.1:6379> exit\n']);
    const mg = await typed(s, ['docker exec -it mg mongosh', 'use shop', 'db.c.insertOne({x: 1})', 'db.c.countDocuments()', 'exit']);
    expect(mg[1]).toBe('test> use shop\nswitched to db shop\n');
    expect(mg[3]).toBe('shop> db.c.countDocuments()\n1\n');
    expect(s.prompt()).toBe('root@dockerlings:~# ');
  });
});
