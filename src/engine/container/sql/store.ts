// Where the SQL servers keep their databases: mysql/mariadb as <datadir>/<db>/<table>.ibd, postgres as base/<oid>/<relfilenode>.
// The files are readable stand-ins (JSON) for the real binary formats; their names and places follow the real servers.
import type { Container, EngineState } from '../../state';
import { listServerDir, makeServerDir, readServerFile, removeServerPath, writeServerFile } from '../../server-files';
import type { Database, Table } from './exec';

export const MYSQL_DIR = '/var/lib/mysql';
/** Database grants of the accounts the entrypoint made (MYSQL_USER on MYSQL_DATABASE): user → databases, a readable stand-in for mysql.db. */
export const MYSQL_GRANTS = `${MYSQL_DIR}/mysql/db.ibd`;
export const MYSQL_SYSTEM = ['information_schema', 'mysql', 'performance_schema', 'sys'];
export const PG_SYSTEM = ['template0', 'template1'];

const parse = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export interface Store {
  load(): Record<string, Database>;
  save(before: Record<string, Database>, after: Record<string, Database>): void;
}

export function mysqlStore(s: EngineState, c: Container): Store {
  return {
    load() {
      const dbs: Record<string, Database> = {};
      for (const name of listServerDir(s, c, MYSQL_DIR)) {
        if (MYSQL_SYSTEM.includes(name) || name.startsWith('#') || readServerFile(s, c, `${MYSQL_DIR}/${name}`) !== null) continue;
        const db: Database = {};
        for (const f of listServerDir(s, c, `${MYSQL_DIR}/${name}`)) {
          if (f.endsWith('.ibd')) db[f.slice(0, -4)] = parse<Table>(readServerFile(s, c, `${MYSQL_DIR}/${name}/${f}`), { columns: [], rows: [], autoInc: 1 });
        }
        dbs[name] = db;
      }
      return dbs;
    },
    save(before, after) {
      for (const name of Object.keys(before)) if (!after[name]) removeServerPath(s, c, `${MYSQL_DIR}/${name}`);
      for (const [name, db] of Object.entries(after)) {
        if (!before[name]) makeServerDir(s, c, `${MYSQL_DIR}/${name}`);
        for (const t of Object.keys(before[name] ?? {})) if (!db[t]) removeServerPath(s, c, `${MYSQL_DIR}/${name}/${t}.ibd`);
        for (const [t, table] of Object.entries(db)) {
          const text = JSON.stringify(table);
          if (JSON.stringify(before[name]?.[t]) !== text) writeServerFile(s, c, `${MYSQL_DIR}/${name}/${t}.ibd`, text, 0o640);
        }
      }
    },
  };
}

/** pg_database's file (relfilenode 1262) lists the databases by OID; pg_class's (1259) in each one lists its tables. */
export function pgStore(s: EngineState, c: Container, dataDir: string): Store {
  const catalog = () => parse<Record<string, number>>(readServerFile(s, c, `${dataDir}/global/1262`), {});
  return {
    load() {
      const dbs: Record<string, Database> = {};
      for (const [name, oid] of Object.entries(catalog())) {
        if (PG_SYSTEM.includes(name)) continue;
        const db: Database = {};
        for (const [t, rel] of Object.entries(parse<Record<string, number>>(readServerFile(s, c, `${dataDir}/base/${oid}/1259`), {}))) {
          db[t] = parse<Table>(readServerFile(s, c, `${dataDir}/base/${oid}/${rel}`), { columns: [], rows: [], autoInc: 1 });
        }
        dbs[name] = db;
      }
      return dbs;
    },
    save(before, after) {
      const cat = catalog();
      const next = (used: number[]) => Math.max(16383, ...used) + 1;
      for (const name of Object.keys(before)) {
        if (after[name]) continue;
        removeServerPath(s, c, `${dataDir}/base/${cat[name]}`);
        delete cat[name];
      }
      for (const [name, db] of Object.entries(after)) {
        if (cat[name] === undefined) {
          cat[name] = next(Object.values(cat));
          makeServerDir(s, c, `${dataDir}/base/${cat[name]}`);
        }
        const base = `${dataDir}/base/${cat[name]}`;
        const rels = parse<Record<string, number>>(readServerFile(s, c, `${base}/1259`), {});
        let changed = false;
        for (const t of Object.keys(rels)) {
          if (db[t]) continue;
          removeServerPath(s, c, `${base}/${rels[t]}`);
          delete rels[t];
          changed = true;
        }
        for (const [t, table] of Object.entries(db)) {
          if (rels[t] === undefined) {
            rels[t] = next([cat[name], ...Object.values(rels)]);
            changed = true;
          }
          const text = JSON.stringify(table);
          if (JSON.stringify(before[name]?.[t]) !== text) writeServerFile(s, c, `${base}/${rels[t]}`, text, 0o600);
        }
        if (changed) writeServerFile(s, c, `${base}/1259`, JSON.stringify(rels), 0o600);
      }
      writeServerFile(s, c, `${dataDir}/global/1262`, JSON.stringify(cat), 0o600);
    },
  };
}
