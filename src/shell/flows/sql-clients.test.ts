// psql, mysql and mariadb through docker exec: statements, output formats, errors, and tables that outlive the container in its volume.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const q = (sql: string) => sql.replace(/'/g, `'"'"'`);

describe('postgres + psql', () => {
  it('creates, fills and queries a table; \\dt and \\l; the table survives docker rm on the volume', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres');
    await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw -v pgdata:/var/lib/postgresql/data postgres');
    // psql refuses until the server logged that it is ready
    expect((await s.run('docker exec pg psql -U postgres -c "select 1"')).stderr).toBe(
      'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n',
    );
    await s.run('sleep 2');
    expect((await s.run('docker exec pg pg_isready')).stdout).toBe('/var/run/postgresql:5432 - accepting connections\n');
    // docker exec runs as root, and initdb made only the postgres role
    const root = await s.run('docker exec pg psql -c "select 1"');
    expect(root.stderr).toBe('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n');
    expect(root.exitCode).toBe(2);
    const psql = (sql: string) => s.run(`docker exec pg psql -U postgres -c '${q(sql)}'`);
    expect((await psql('CREATE TABLE users (id serial PRIMARY KEY, name varchar(50), age int)')).stdout).toBe('CREATE TABLE\n');
    expect((await psql("INSERT INTO users (name, age) VALUES ('alice', 30), ('bob', 4)")).stdout).toBe('INSERT 0 2\n');
    expect((await psql('SELECT * FROM users')).stdout).toBe(' id | name  | age \n----+-------+-----\n  1 | alice |  30\n  2 | bob   |   4\n(2 rows)\n\n');
    expect((await psql('SELECT count(*) FROM users WHERE age > 10')).stdout).toBe(' count \n-------\n     1\n(1 row)\n\n');
    expect((await psql('\\dt')).stdout).toBe('         List of relations\n Schema | Name  | Type  |  Owner   \n--------+-------+-------+----------\n public | users | table | postgres\n(1 row)\n\n');
    const l = (await psql('\\l')).stdout;
    expect(l.split('\n').slice(0, 4)).toEqual([
      '                                                    List of databases',
      '   Name    |  Owner   | Encoding | Locale Provider |  Collate   |   Ctype    | Locale | ICU Rules |   Access privileges   ',
      '-----------+----------+----------+-----------------+------------+------------+--------+-----------+-----------------------',
      ' postgres  | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |        |           | ',
    ]);
    const bad = await psql('SELECT * FROM nope');
    expect([bad.stderr, bad.exitCode]).toEqual(['ERROR:  relation "nope" does not exist\nLINE 1: SELECT * FROM nope\n                      ^\n', 1]);
    await s.run('docker rm -f pg');
    await s.run('docker run -d --name pg2 -v pgdata:/var/lib/postgresql/data postgres'); // no password needed: the cluster exists
    expect((await s.run('docker logs pg2')).stdout).toBe('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
    await s.run('sleep 1');
    expect((await s.run(`docker exec pg2 psql -U postgres -c '${q('SELECT name FROM users ORDER BY age')}'`)).stdout).toBe(' name  \n-------\n bob\n alice\n(2 rows)\n\n');
    expect((await s.run('docker exec pg2 ls /var/lib/postgresql/data/base/5')).stdout).toBe('1259\n16384\n');
  });

  it('POSTGRES_DB makes a database; a script on stdin runs statement by statement', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres:16');
    await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw -e POSTGRES_USER=app -e POSTGRES_DB=shop postgres:16');
    await s.run('sleep 2');
    await s.run(`printf 'CREATE TABLE t (n int);\\nINSERT INTO t VALUES (1);\\nSELECT * FROM missing;\\nSELECT n FROM t;\\n' > init.sql`);
    const r = await s.run('docker exec -i pg psql -U app shop < init.sql');
    expect(r.stdout).toBe('CREATE TABLE\nINSERT 0 1\n n \n---\n 1\n(1 row)\n\n');
    expect(r.stderr).toBe('psql:<stdin>:3: ERROR:  relation "missing" does not exist\nLINE 1: SELECT * FROM missing;\n                      ^\n');
    // psql's default database is the user's name, which POSTGRES_DB replaced
    expect((await s.run('docker exec pg psql -U app -c "\\l"')).stderr).toBe('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "app" does not exist\n');
    expect((await s.run('docker exec pg psql -U app shop -c "\\l"')).stdout).toContain('\n shop      | app   | UTF8 ');
  });
});

describe('mysql', () => {
  it('without a password option: the entrypoint error as mysql prints it, Exited (1)', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    const r = await s.run('docker run --name m0 mysql');
    expect(r.stderr).toMatch(/^\S+ \S+\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n\tYou need to specify one of the following as an environment variable:\n\t- MYSQL_ROOT_PASSWORD\n\t- MYSQL_ALLOW_EMPTY_PASSWORD\n\t- MYSQL_RANDOM_ROOT_PASSWORD\n$/);
    expect(r.exitCode).toBe(1);
  });

  it('mysql:8.0 on oraclelinux:9-slim: metadata, init logs, the client, and tables that survive docker rm', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql:8.0');
    expect((await s.run('docker image inspect -f "{{.Config.Entrypoint}} {{.Config.Cmd}} {{json .Config.ExposedPorts}} {{json .Config.Volumes}}" mysql:8.0')).stdout).toBe(
      '[docker-entrypoint.sh] [mysqld] {"3306/tcp":{},"33060/tcp":{}} {"/var/lib/mysql":{}}\n',
    );
    expect((await s.run('docker run --rm mysql:8.0 cat /etc/oracle-release')).stdout).toBe('Oracle Linux Server release 9.5\n');
    await s.run('docker run -d --name my -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=shop -v mydata:/var/lib/mysql mysql:8.0');
    const early = await s.run('docker exec my mysqladmin ping');
    expect(early.exitCode).toBe(1);
    await s.run('sleep 10');
    const logs = await s.run('docker logs my');
    expect(logs.stdout).toContain('[Note] [Entrypoint]: Creating database shop\n');
    expect(logs.stderr).toMatch(/\[System\] \[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '8\.0\.40'  socket: '\/var\/run\/mysqld\/mysqld\.sock'  port: 3306  MySQL Community Server - GPL\.\n/);
    expect((await s.run('docker exec my mysqladmin ping')).stdout).toBe('mysqld is alive\n');
    const denied = await s.run('docker exec my mysql -e "SHOW DATABASES"');
    expect(denied.stderr).toBe("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
    const sql = (x: string, flags = '') => s.run(`docker exec ${flags} my mysql -uroot -ppw shop -e '${q(x)}'`);
    const made = await sql("CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40), price DECIMAL(6,2)); INSERT INTO items (name, price) VALUES ('pen', 1.5), ('ink', 12)");
    expect(made.stdout).toBe('');
    expect(made.stderr).toBe('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
    expect((await sql('SELECT * FROM items')).stdout).toBe('id\tname\tprice\n1\tpen\t1.50\n2\tink\t12.00\n');
    expect((await sql('SELECT * FROM items', '-t')).stdout.replace(/\r/g, '')).toContain('+----+------+-------+\n| id | name | price |\n+----+------+-------+\n|  1 | pen  |  1.50 |\n|  2 | ink  | 12.00 |\n+----+------+-------+\n');
    expect((await sql('SHOW DATABASES')).stdout).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
    expect((await sql('SHOW TABLES')).stdout).toBe('Tables_in_shop\nitems\n');
    const missing = await sql('SELECT * FROM nope');
    expect(missing.stderr).toContain("ERROR 1146 (42S02) at line 1: Table 'shop.nope' doesn't exist\n");
    expect(missing.exitCode).toBe(1);
    expect((await s.run('docker exec my ls /var/lib/mysql/shop')).stdout).toBe('items.ibd\n');
    await s.run('docker rm -f my');
    await s.run('docker run -d --name my2 -v mydata:/var/lib/mysql mysql:8.0');
    await s.run('sleep 2');
    expect((await s.run('docker logs my2')).stdout).not.toContain('Initializing database files');
    expect((await s.run(`docker exec my2 mysql -uroot -ppw -e '${q('USE shop; SELECT name FROM items WHERE price > 2')}'`)).stdout).toBe('name\nink\n');
  });

  it('a client in another container on the same network, by service name', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mysql');
    await s.run('docker network create app');
    await s.run('docker run -d --name db --network app -e MYSQL_ROOT_PASSWORD=pw mysql');
    await s.run('sleep 10');
    const r = await s.run(`docker run --rm --network app mysql mysql -hdb -uroot -ppw -e 'CREATE DATABASE blog; SHOW DATABASES'`);
    expect(r.stdout).toBe('Database\nblog\ninformation_schema\nmysql\nperformance_schema\nsys\n');
    const off = await s.run(`docker run --rm mysql mysql -hdb -uroot -ppw -e 'SELECT 1'`);
    expect(off.stderr).toContain("ERROR 2005 (HY000): Unknown MySQL server host 'db' (-2)\n");
  });
});

describe('mariadb + mariadb client', () => {
  it('tables persist in /var/lib/mysql across docker rm; a second start logs no init', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mariadb');
    await s.run('docker run -d --name db -e MARIADB_ROOT_PASSWORD=pw -e MARIADB_DATABASE=shop -v mdb:/var/lib/mysql mariadb');
    await s.run('sleep 4');
    await s.run(`docker exec db mariadb -uroot -ppw shop -e '${q("CREATE TABLE notes (id INT PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hi')")}'`);
    const dup = await s.run(`docker exec db mariadb -uroot -ppw shop -e '${q("INSERT INTO notes VALUES (1, 'again')")}'`);
    expect(dup.stderr).toBe("ERROR 1062 (23000) at line 1: Duplicate entry '1' for key 'notes.PRIMARY'\n");
    await s.run('docker rm -f db');
    await s.run('docker run -d --name db2 -v mdb:/var/lib/mysql mariadb');
    await s.run('sleep 1');
    expect((await s.run('docker logs db2')).stdout).toContain('[Note] [Entrypoint]: MariaDB upgrade not required\n');
    expect((await s.run(`docker exec db2 mariadb -uroot -ppw shop -e 'SELECT * FROM notes'`)).stdout).toBe('id\tbody\n1\thi\n');
  });
});

describe('postgres shutdown and crash recovery', () => {
  it('docker stop logs the fast shutdown; after docker kill the next server recovers', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres');
    await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=pw -v pgdata:/var/lib/postgresql/data postgres');
    await s.run('sleep 2');
    expect((await s.run('docker exec pg cat /var/lib/postgresql/data/postmaster.pid')).stdout).toMatch(/^1\n\/var\/lib\/postgresql\/data\n\d+\n5432\n/);
    await s.run('docker stop pg');
    const logs = (await s.run('docker logs pg')).stderr.trimEnd().split('\n');
    expect(logs.slice(-7).map((l) => l.replace(/^\S+ \S+ UTC /, ''))).toEqual([
      '[1] LOG:  received fast shutdown request', '[1] LOG:  aborting any active transactions',
      '[1] LOG:  background worker "logical replication launcher" (PID 70) exited with exit code 1', '[62] LOG:  shutting down',
      '[62] LOG:  checkpoint starting: shutdown immediate', expect.stringMatching(/^\[62\] LOG: {2}checkpoint complete: wrote 3 buffers/), '[1] LOG:  database system is shut down',
    ]);
    await s.run('docker start pg');
    await s.run('sleep 1');
    expect((await s.run('docker logs pg')).stderr).not.toContain('automatic recovery in progress');
    await s.run('docker kill pg');
    await s.run('docker run -d --name pg2 -v pgdata:/var/lib/postgresql/data postgres');
    const after = (await s.run('docker logs pg2')).stderr;
    expect(after).toContain('[64] LOG:  database system was not properly shut down; automatic recovery in progress\n');
    expect(after.trimEnd().endsWith('[1] LOG:  database system is ready to accept connections')).toBe(true);
  });
});
