// The SQL subset's words: its error type, its tokenizer and the split of a script into statements.
export class SqlError extends Error {
  constructor(
    public code: 'syntax' | 'unsupported' | 'no-table' | 'table-exists' | 'no-db' | 'db-exists' | 'no-column' | 'count' | 'no-db-selected' | 'not-null' | 'duplicate' | 'bad-value' | 'ambiguous' | 'no-from' | 'group-by' | 'tx-aborted' | 'in-tx' | 'denied-db' | 'column-exists' | 'no-drop-column' | 'subquery-rows' | 'subquery-cols' | 'need-tx' | 'no-savepoint' | 'no-role' | 'role-exists' | 'denied-table' | 'bad-privilege' | 'account-op' | 'grant-new-user' | 'no-grant' | 'need-priv' | 'update-target' | 'derived-alias',
    public arg = '',
    public arg2 = '',
    /** Where in the statement the error is (a character offset), for psql's LINE/caret and mysql's "near". */
    public pos: number | null = null,
    public arg3 = '',
  ) {
    super(`${code} ${arg}`);
  }
}

export type Tok = { t: 'word' | 'qid' | 'str' | 'num' | 'op'; v: string; raw: string; pos: number };

export function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) i++;
    else if (sql.startsWith('--', i) || ch === '#') i = sql.indexOf('\n', i) < 0 ? sql.length : sql.indexOf('\n', i);
    else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      let v = '';
      for (; j < sql.length; j++) {
        if (sql[j] === ch && sql[j + 1] === ch) (v += ch, j++);
        else if (sql[j] === ch) break;
        else if (sql[j] === '\\' && ch === "'") v += sql[++j] === 'n' ? '\n' : sql[j];
        else v += sql[j];
      }
      if (j >= sql.length) throw new SqlError('syntax', sql.slice(i), sql.slice(i), i);
      out.push({ t: ch === "'" ? 'str' : 'qid', v, raw: sql.slice(i, j + 1), pos: i });
      if (ch === '"') out[out.length - 1].t = 'qid'; // postgres: an identifier; the mysql client turns it into a string (see executor)
      i = j + 1;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(e[+-]?\d+)?/i.exec(sql.slice(i))!;
      out.push({ t: 'num', v: m[0], raw: m[0], pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff$]/.test(ch)) {
      const m = /^[A-Za-z_\u0080-\uffff$][\w$\u0080-\uffff]*/.exec(sql.slice(i))!;
      out.push({ t: 'word', v: m[0], raw: m[0], pos: i });
      i += m[0].length;
    } else {
      const two = sql.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!=', '||', '::'].includes(two) ? two : ch;
      out.push({ t: 'op', v: op, raw: op, pos: i });
      i += op.length;
    }
  }
  return out;
}

/** Split a script into statements at top-level semicolons (quotes respected); `at` is where each begins in the script. */
export function splitStatements(sql: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let cur = '';
  let at = 0;
  let q: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (q) {
      if (ch === q) q = null;
    } else if (ch === "'" || ch === '"' || ch === '`') q = ch;
    else if (ch === ';') {
      out.push({ text: cur, at });
      cur = '';
      at = i + 1;
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push({ text: cur, at });
  return out.filter((s) => s.text.trim());
}
