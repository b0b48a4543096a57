// The database clients a container may have on disk (redis-cli, psql, mysql/mariadb, mongosh), by command name.
import type { Impl } from './sys';
import { redisCli } from './redis-cli';
import { psql } from './psql';
import { mysqlClient } from './mysql-cli';
import { mysqladmin, pgIsready } from './db-admin';
import { mongosh } from './mongosh';

export const DB_CLIENTS: Record<string, Impl> = { 'redis-cli': redisCli, psql, mysql: mysqlClient, mariadb: mysqlClient, mysqladmin, 'mariadb-admin': mysqladmin, pg_isready: pgIsready, mongosh };
