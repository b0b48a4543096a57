// Grading a class without a server: many completion codes (one per line, or CSV rows with a name) → a table → CSV.
import type { Problem } from './problems';
import type { Verification } from './completion';
import { CODE_PREFIX } from './completion';

export interface Submission {
  /** 1-based line of the input it came from. */
  line: number;
  /** A name given next to the code (CSV), else ''. */
  listed: string;
  code: string;
}

/** Split one CSV line into fields (RFC 4180 quotes; commas, semicolons or tabs between fields). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') (out.push(cur), (cur = ''));
    else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/**
 * The codes in pasted or uploaded text: each non-empty line holds one code (`DL1-…`), alone or as a CSV field beside a
 * name. A header row or a line with no code is skipped; the same code twice counts once.
 */
export function parseSubmissions(text: string): Submission[] {
  const seen = new Set<string>();
  const out: Submission[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const fields = csvFields(raw);
    const at = fields.findIndex((f) => f.startsWith(CODE_PREFIX));
    if (at < 0) return;
    const code = fields[at].replace(/\s+/g, '');
    if (seen.has(code)) return;
    seen.add(code);
    const listed = fields.filter((f, j) => j !== at && f !== '').join(' ');
    out.push({ line: i + 1, listed, code });
  });
  return out;
}

export interface GradeRow {
  line: number;
  /** The name in the code, else the one listed beside it. */
  student: string;
  /** The name listed beside the code in the CSV, when it differs from the one in the code. */
  listedAs?: string;
  goalsMet: number;
  goals: number;
  /** Simulated seconds the student's commands took. */
  seconds: number | null;
  commands: number;
  valid: boolean;
  /** Why the code is not valid (or '' for a valid code), in English as the CSV has it. */
  problem: string;
  /** The same problem by code, for the page to say it in its language. */
  why?: Problem;
}

/** One table row from a verification. */
export function gradeRow(s: Submission, v: Verification, goals: number): GradeRow {
  if (!v.ok) return { line: s.line, student: s.listed, goalsMet: 0, goals, seconds: null, commands: 0, valid: false, problem: v.error, why: v.problem };
  const student = v.name || s.listed;
  const row: GradeRow = { line: s.line, student, goalsMet: v.goalsMet.filter(Boolean).length, goals, seconds: v.seconds, commands: v.commands.length, valid: true, problem: '' };
  if (s.listed && v.name && s.listed !== v.name) row.listedAs = s.listed;
  return row;
}

const csvField = (v: string | number) => {
  const s = String(v);
  // quote when needed; a leading = + - @ would be a formula in a spreadsheet, so it gets a quote mark
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The table as CSV (a header row, then one row per code). */
export function gradesCsv(rows: GradeRow[]): string {
  const head = ['student', 'listed as', 'goals met', 'goals', 'all met', 'seconds', 'commands', 'valid', 'problem'];
  const body = rows.map((r) => [r.student, r.listedAs ?? '', r.goalsMet, r.goals, r.valid && r.goalsMet === r.goals ? 'yes' : 'no', r.seconds ?? '', r.commands, r.valid ? 'yes' : 'no', r.problem].map(csvField).join(','));
  return [head.join(','), ...body].join('\n') + '\n';
}
