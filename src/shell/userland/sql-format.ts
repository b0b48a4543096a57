// How the SQL clients print results: psql's aligned table with "(N rows)", mysql's +---+ box, and mysql's tab-separated batch output.
import type { SqlResult } from '../../engine/index';

type Rows = Extract<SqlResult, { k: 'rows' }>;

/** Display width (wide CJK characters take two cells, as in a terminal). */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

/** psql's aligned format (border 1): centered headers, `+` marking a cell that continues on the next line, then "(N rows)". */
export function pgAligned(r: Rows, title?: string): string {
  const cells = r.rows.map((row) => row.map((v) => (v ?? '').split('\n')));
  const w = r.columns.map((c, i) => Math.max(width(c), ...cells.map((row) => Math.max(...row[i].map(width)))));
  const n = r.columns.length;
  const header = ' ' + r.columns.map((c, i) => {
    const left = Math.floor((w[i] - width(c)) / 2);
    return ' '.repeat(left) + c + ' '.repeat(w[i] - width(c) - left);
  }).join(' | ') + ' ';
  let out = title ? ' '.repeat(Math.max(0, Math.floor((width(header) - width(title)) / 2))) + title + '\n' : '';
  out += header + '\n' + w.map((x) => '-'.repeat(x + 2)).join('+') + '\n';
  for (const row of cells) {
    const lines = Math.max(1, ...row.map((c) => c.length));
    for (let j = 0; j < lines; j++) {
      let line = ' ';
      for (let i = 0; i < n; i++) {
        const t = row[i][j] ?? '';
        const more = j < row[i].length - 1;
        const last = i === n - 1;
        line += r.right[i] ? padStart(t, w[i]) : last && !more ? t : padEnd(t, w[i]);
        if (!last) line += (more ? '+' : ' ') + '| ';
        else if (more) line += '+';
      }
      out += line + '\n';
    }
  }
  return out + `(${r.rows.length} ${r.rows.length === 1 ? 'row' : 'rows'})\n`;
}

/** The mysql client's table: +---+ borders, NULL for null, numbers right-aligned. */
export function mysqlBox(r: Rows): string {
  const cells = r.rows.map((row) => row.map((v) => v ?? 'NULL'));
  const w = r.columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))));
  const rule = '+' + w.map((x) => '-'.repeat(x + 2)).join('+') + '+\n';
  const line = (vals: string[], right: boolean[]) => '| ' + vals.map((v, i) => (right[i] ? padStart(v, w[i]) : padEnd(v, w[i]))).join(' | ') + ' |\n';
  return rule + line(r.columns, r.columns.map(() => false)) + rule + cells.map((row) => line(row, r.right)).join('') + rule;
}

/** mysql's batch output (stdout is not a terminal): a header line, then tab-separated rows, NULL for null, \n and \t escaped. */
export function mysqlBatch(r: Rows): string {
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return [r.columns.join('\t'), ...r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : esc(v))).join('\t'))].map((l) => l + '\n').join('');
}
