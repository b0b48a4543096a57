// The database clients a container may have on disk (redis-cli, psql, mysql/mariadb, mongosh), by command name: each a
// chunk loaded when it first runs (the servers they talk to are the engine's programs-db and programs-redis chunks).
import { lazyImpl, type Impl } from './sys';

const mysql = lazyImpl(() => import('./mysql-cli'), 'mysqlClient');
const mysqladmin = lazyImpl(() => import('./db-admin'), 'mysqladmin');

export const DB_CLIENTS: Record<string, Impl> = {
  'redis-cli': lazyImpl(() => import('./redis-cli'), 'redisCli'),
  psql: lazyImpl(() => import('./psql'), 'psql'),
  mysql,
  mariadb: mysql,
  mysqladmin,
  'mariadb-admin': mysqladmin,
  pg_isready: lazyImpl(() => import('./db-admin'), 'pgIsready'),
  mongosh: lazyImpl(() => import('./mongosh'), 'mongosh'),
};
