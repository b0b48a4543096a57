// psql's \d family: \d TABLE (columns, types, defaults, indexes), \d and \dt (relation lists), and libpq's LINE/caret under an error.
import type { SqlResult } from '../../engine/index';
import { pgAligned } from './sql-format';

type Rows = Extract<SqlResult, { k: 'rows' }>;

/** A type as postgres names it in its catalog (format_type): int → integer, varchar(50) → character varying(50) … */
export function pgTypeName(written: string): string {
  const t = written.toLowerCase().trim();
  const args = /\((.*)\)/.exec(t)?.[1];
  const base = t.replace(/\(.*\)/, '').trim();
  const withArgs = (name: string) => (args ? `${name}(${args.replace(/\s+/g, '')})` : name);
  switch (base) {
    case 'int': case 'integer': case 'int4': case 'serial': case 'serial4': return 'integer';
    case 'bigint': case 'int8': case 'bigserial': case 'serial8': return 'bigint';
    case 'smallint': case 'int2': case 'smallserial': case 'serial2': return 'smallint';
    case 'varchar': case 'character varying': return withArgs('character varying');
    case 'char': case 'character': return args ? withArgs('character') : 'character(1)';
    case 'decimal': case 'numeric': return withArgs('numeric');
    case 'float': case 'float8': case 'double precision': case 'double': return 'double precision';
    case 'real': case 'float4': return 'real';
    case 'bool': case 'boolean': return 'boolean';
    case 'timestamp': return 'timestamp without time zone';
    case 'timestamptz': return 'timestamp with time zone';
    case 'time': return 'time without time zone';
    default: return t;
  }
}

const SERIAL = /^(small|big)?serial[248]?$/;

/** \d TABLE from the server's DESCRIBE rows (Field, Type, Null, Key, Default, Extra). */
export function describeTable(table: string, desc: Rows): string {
  const rows = desc.rows.map(([field, type, nul, , def, extra]) => {
    const name = field ?? '';
    const pgType = pgTypeName(type ?? '');
    let d = '';
    if (SERIAL.test((type ?? '').toLowerCase()) || (extra === 'auto_increment' && def === null)) d = `nextval('${table}_${name}_seq'::regclass)`;
    else if (def === 'CURRENT_TIMESTAMP') d = 'CURRENT_TIMESTAMP';
    else if (def !== null && def !== undefined) {
      if (/^(integer|bigint|smallint|numeric|real|double precision)/.test(pgType) || pgType === 'boolean') d = pgType === 'boolean' ? (/^(1|t|true)$/.test(def) ? 'true' : 'false') : def;
      else d = `'${def.replace(/'/g, "''")}'::${pgType.replace(/\(.*$/, '')}`;
    }
    return [name, pgType, '', nul === 'NO' ? 'not null' : '', d];
  });
  const cols = ['Column', 'Type', 'Collation', 'Nullable', 'Default'];
  const table_ = pgAligned({ k: 'rows', columns: cols, rows, right: cols.map(() => false) }, `Table "public.${table}"`);
  const body = table_.slice(0, table_.lastIndexOf('('));
  const indexes = [
    ...desc.rows.filter((r) => r[3] === 'PRI').map((r) => `    "${table}_pkey" PRIMARY KEY, btree (${r[0]})`),
    ...desc.rows.filter((r) => r[3] === 'UNI').map((r) => `    "${table}_${r[0]}_key" UNIQUE CONSTRAINT, btree (${r[0]})`),
  ];
  return body + (indexes.length ? `Indexes:\n${indexes.join('\n')}\n` : '') + '\n';
}

/** \d and \dt: the List of relations (\d adds each serial column's sequence). */
export function relationList(user: string, tables: string[], sequences: string[]): string {
  const rows = [...tables.map((n) => ['public', n, 'table', user]), ...sequences.map((n) => ['public', n, 'sequence', user])].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pgAligned({ k: 'rows', columns: ['Schema', 'Name', 'Type', 'Owner'], rows, right: [false, false, false, false] }, 'List of relations') + '\n';
}

const DISPLAY_SIZE = 60;
const MIN_RIGHT_CUT = 10;

/** libpq's reportErrorPosition: the query line holding character `position` (1-based), cut to 60 columns, and a caret under it. */
export function errorPosition(query: string, position: number): string {
  const chars = [...query.replace(/\t/g, ' ')];
  const loc = position - 1;
  if (loc < 0 || loc > chars.length) return '';
  let ibeg = 0;
  let line = 1;
  for (let i = 0; i < loc; i++) {
    if (chars[i] === '\n') {
      ibeg = i + 1;
      line++;
    }
  }
  let iend = chars.indexOf('\n', loc);
  if (iend < 0) iend = chars.length;
  if (iend > 0 && chars[iend - 1] === '\r' && iend - 1 >= loc) iend--;
  let begTrunc = false;
  let endTrunc = false;
  if (iend - ibeg > DISPLAY_SIZE) {
    if (ibeg + DISPLAY_SIZE >= loc + MIN_RIGHT_CUT) {
      iend = ibeg + DISPLAY_SIZE;
      endTrunc = true;
    } else {
      while (loc + MIN_RIGHT_CUT < iend) {
        iend--;
        endTrunc = true;
      }
      while (iend - ibeg > DISPLAY_SIZE) {
        ibeg++;
        begTrunc = true;
      }
    }
  }
  const prefix = `LINE ${line}: ${begTrunc ? '...' : ''}`;
  return `${prefix}${chars.slice(ibeg, iend).join('')}${endTrunc ? '...' : ''}\n${' '.repeat(prefix.length + loc - ibeg)}^\n`;
}
