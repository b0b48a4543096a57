// docker exec -it into a database client: its prompt (mysql>, postgres=#, 127.0.0.1:6379>, test>) takes typed lines until exit.
import { describe, expect, it, vi } from 'vitest';
import { createSession } from '../session';
import { replay } from '../replay';
import type { JournalEvent } from '../journal';

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
    const script: JournalEvent[] = [];
    const s = createSession({ headless: true, script });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw mysql');
    await s.run('sleep 10');
    script.push({ k: 'answer', line: 'pw' }); // what the learner types at Enter password: (not echoed)
    const t = await typed(s, ['docker exec -it db mysql -uroot -p', 'CREATE DATABASE shop;', 'use shop', 'CREATE TABLE t (id int,', 'name text);', "INSERT INTO t VALUES (1, 'a'), (2, 'b');", 'SELECT * FROM t;', 'SELECT * FROM nope;', 'exit']);
    expect(t[0]).toMatch(/^root@dockerlings:~# docker exec -it db mysql -uroot -p\nEnter password: \nWelcome to the MySQL monitor\. {2}Commands end with ; or \\g\.\nYour MySQL connection id is \d+\nServer version: 9\.1\.0 MySQL Community Server - GPL\n/);
    expect(t.slice(1)).toEqual([
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

  it('mysql -p in a live terminal: Enter password: hides the answer; neither history nor journal keeps it, and a replay logs in again', async () => {
    const s = createSession({ seed: 7 });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s3cret mysql');
    await s.run('sleep 10');
    let shown = '';
    const open = s.run('docker exec -it db mysql -uroot -p', (t) => (shown += t));
    await vi.waitFor(() => expect(s.asking()).toEqual({ secret: true }));
    expect(shown).toBe('Enter password: ');
    s.answer('s3cret');
    await open;
    expect(shown.replace(/\r\n/g, '\n')).toMatch(/^Enter password: Welcome to the MySQL monitor\. {2}Commands end with ; or \\g\./);
    expect(s.prompt()).toBe('mysql> ');
    expect((await s.run('SELECT USER();')).output).toBe('+----------------+\n| USER()         |\n+----------------+\n| root@localhost |\n+----------------+\n1 row in set (0.00 sec)\n\n');
    await s.run('exit');
    const journal = JSON.stringify(s.journal());
    expect(journal).not.toContain('s3cret"');
    expect(s.history().some((l) => l.includes('s3cret') && !l.includes('MYSQL_ROOT_PASSWORD'))).toBe(false);
    expect(s.transcript().map((t) => t.text).join('')).not.toMatch(/Enter password: s3cret/);
    // the journal replays to the same login (it recorded that the password was accepted)
    let replayed = '';
    const r = await replay(s.journal(), { seed: 7, out: (t) => (replayed += t) });
    expect(replayed).toContain('Enter password: \nWelcome to the MySQL monitor.');
    expect(replayed).toContain('| root@localhost |');
    expect(r.prompt()).toBe('root@dockerlings:~# ');
    // a wrong password: the error, and the prompt is gone
    const wrong = s.run('docker exec -it db mysql -uroot -p');
    await vi.waitFor(() => expect(s.asking()).toEqual({ secret: true }));
    s.answer('nope');
    expect((await wrong).output.replace(/\r\n/g, '\n')).toBe("Enter password: ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n");
    expect(JSON.stringify(s.journal())).not.toContain('"nope"');
  });

  it('with no one to answer, mysql -p reads an empty password', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    await s.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s3cret mysql');
    await s.run('sleep 10');
    const r = await s.run('docker exec -it db mysql -uroot -p');
    expect(r.output.replace(/\r\n/g, '\n')).toBe("Enter password: ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
    expect(r.exitCode).toBe(1);
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

  it('mongosh runs JavaScript at its prompt: expressions, variables kept between lines, cursors, print and printjson', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mongo');
    await s.run('docker run -d --name mg mongo');
    await s.run('sleep 2');
    await s.run('docker exec -it mg mongosh');
    await s.run('db.c.insertMany([{x: 1}, {x: 2}, {x: 3}])');
    const t = await typed(s, ['1 + 2', 'let n = db.c.countDocuments()', 'n * 10', '"abc".toUpperCase()', 'db.c.find({x: {$gt: 1}}).count()', 'db.c.find().limit(2).forEach(d => print(d.x))', '[1, 2, 3].map(x => x * 2)', 'printjson({a: 1, b: "two"})', 'foo', 'exit']);
    expect(t).toEqual([
      'test> 1 + 2\n3\n',
      'test> let n = db.c.countDocuments()\n',
      'test> n * 10\n30\n',
      'test> "abc".toUpperCase()\nABC\n',
      'test> db.c.find({x: {$gt: 1}}).count()\n2\n',
      'test> db.c.find().limit(2).forEach(d => print(d.x))\n1\n2\n',
      'test> [1, 2, 3].map(x => x * 2)\n[ 2, 4, 6 ]\n',
      "test> printjson({a: 1, b: \"two\"})\n{ a: 1, b: 'two' }\n",
      'test> foo\nReferenceError: foo is not defined\n',
      'test> exit\n',
    ]);
    const ev = await s.run(`docker exec mg mongosh --quiet --eval 'const total = db.c.countDocuments(); print("total:", total)'`);
    expect([ev.stdout, ev.exitCode]).toEqual(['total: 3\n', 0]);
  });
});
