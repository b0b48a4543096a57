// Database images as a learner meets them: postgres/mariadb refuse to start without a password, start with one, mongo 8 logs JSON.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

// docker-library/postgres docker-entrypoint.sh, docker_verify_minimum_env
const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const MARIADB_NO_PASSWORD = /^\S+ \S+\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n$/;

describe('postgres', () => {
  it('without POSTGRES_PASSWORD prints the entrypoint error and exits 1', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres');
    const run = await s.run('docker run --name pg0 postgres');
    expect(run.stderr).toBe(POSTGRES_NO_PASSWORD);
    expect(run.exitCode).toBe(1);
    expect((await s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^pg0 Exited \(1\) /);
    expect((await s.run('docker logs pg0')).stderr).toBe(POSTGRES_NO_PASSWORD);
    // the data directory is a VOLUME: even the failed container got its anonymous volume
    expect((await s.run('docker volume ls -q')).stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('with a password it initialises, becomes ready, listens on 5432 and stops cleanly on SIGINT', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres:16');
    await s.run('docker run -d --name pg -e POSTGRES_PASSWORD=secret -p 5432:5432 postgres:16');
    await s.run('sleep 3');
    const logs = await s.run('docker logs pg');
    expect(logs.stdout).toContain('PostgreSQL init process complete; ready for start up.\n');
    expect(logs.stderr).toMatch(/\[1\] LOG: {2}starting PostgreSQL 16\.6 \(Debian 16\.6-1\.pgdg120\+1\) on x86_64-pc-linux-gnu/);
    expect(logs.stderr).toMatch(/\[1\] LOG: {2}listening on IPv4 address "0\.0\.0\.0", port 5432\n/);
    expect(logs.stderr.trimEnd().endsWith('[1] LOG:  database system is ready to accept connections')).toBe(true);
    expect((await s.run('docker ps --format "{{.Names}} {{.Ports}}"')).stdout).toBe('pg 0.0.0.0:5432->5432/tcp, :::5432->5432/tcp\n');
    expect((await s.run('docker inspect -f "{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}" pg')).stdout).toBe('volume /var/lib/postgresql/data\n');
    await s.run('docker stop pg');
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(0\) /);
  });

  it('postgres:alpine reports its own build', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q postgres:alpine');
    await s.run('docker run -d --name pg -e POSTGRES_HOST_AUTH_METHOD=trust postgres:alpine');
    await s.run('sleep 3');
    expect((await s.run('docker logs pg')).stderr).toMatch(/LOG: {2}starting PostgreSQL 17\.2 on x86_64-pc-linux-gnu, compiled by gcc \(Alpine/);
  });
});

describe('mariadb', () => {
  it('without a root password: the entrypoint error, Exited (1)', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mariadb');
    expect((await s.run('docker run -d --name db mariadb')).exitCode).toBe(0);
    await s.run('sleep 1');
    const logs = await s.run('docker logs db');
    expect(logs.stdout).toMatch(/\[Note\] \[Entrypoint\]: Entrypoint script for MariaDB Server 1:11\.6\.2\+maria~ubu2404 started\.\n/);
    expect(logs.stderr.split('\n').slice(1).join('\n')).toMatch(MARIADB_NO_PASSWORD);
    expect((await s.run('docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(1\) /);
  });

  it('MARIADB_ROOT_PASSWORD (or MYSQL_ROOT_PASSWORD) starts the server on 3306 with /var/lib/mysql as a volume', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mariadb:11');
    await s.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw -e MARIADB_DATABASE=shop mariadb:11');
    await s.run('sleep 5');
    const logs = await s.run('docker logs db');
    expect(logs.stdout).toMatch(/\[Note\] \[Entrypoint\]: Creating database shop\n/);
    expect(logs.stderr).toMatch(/ 0 \[Note\] mariadbd: ready for connections\.\nVersion: '11\.6\.2-MariaDB-ubu2404'  socket: '\/run\/mysqld\/mysqld\.sock'  port: 3306  mariadb\.org binary distribution\n$/);
    expect((await s.run('docker ps --format "{{.Ports}} {{.Status}}"')).stdout).toMatch(/^3306\/tcp Up /);
    expect((await s.run('docker inspect -f "{{range .Mounts}}{{.Destination}}{{end}}" db')).stdout).toBe('/var/lib/mysql\n');
  });
});

describe('mongo', () => {
  it('mongo:latest (8.0) logs JSON and waits on 27017; its noble base is shared with ubuntu', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q ubuntu');
    const pull = await s.run('docker pull mongo');
    expect(pull.stdout.split('\n')[2]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    await s.run('docker run -d --name mg mongo');
    await s.run('sleep 1');
    const logs = (await s.run('docker logs mg')).stdout.trimEnd().split('\n');
    expect(logs[1]).toMatch(/"s":"I", {2}"c":"CONTROL", {2}"id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":\{"pid":1,"port":27017,"dbPath":"\/data\/db"/);
    expect(logs[logs.length - 1]).toMatch(/"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}$/);
    expect((await s.run('docker inspect -f "{{len .Mounts}}" mg')).stdout).toBe('2\n');
  });
});
