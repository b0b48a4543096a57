// Class grading: codes from pasted lines or CSV, one row per code, and a CSV that spreadsheets read safely.
import { failure } from './problems';
import { describe, expect, it } from 'vitest';
import { csvFields, gradeRow, gradesCsv, parseSubmissions } from './grading';

describe('parseSubmissions', () => {
  it('reads one code per line, CSV rows with names (any column), skips headers, blanks and repeats', () => {
    const text = 'name,code\nAda Lovelace,DL1-aaa\n\nDL1-bbb\n"Hopper, Grace";DL1-ccc\nDL1-aaa\nno code here';
    expect(parseSubmissions(text)).toEqual([
      { line: 2, listed: 'Ada Lovelace', code: 'DL1-aaa' },
      { line: 4, listed: '', code: 'DL1-bbb' },
      { line: 5, listed: 'Hopper, Grace', code: 'DL1-ccc' },
    ]);
  });
  it('splits CSV fields with quotes', () => {
    expect(csvFields('"a ""b""", c\t d')).toEqual(['a "b"', 'c', 'd']);
  });
});

describe('gradeRow and gradesCsv', () => {
  const sub = { line: 3, listed: 'Ada', code: 'DL1-x' };
  it('a valid code: the name in the code, goals met, time, commands', () => {
    const v = { ok: true as const, name: 'Ada L.', goalsMet: [true, false], allMet: false, commands: ['a', 'b'], summary: { containers: 0, running: 0, images: 0, networks: 3, volumes: 0 }, seconds: 2 };
    expect(gradeRow(sub, v, 2)).toEqual({ line: 3, student: 'Ada L.', listedAs: 'Ada', goalsMet: 1, goals: 2, seconds: 2, commands: 2, valid: true, problem: '' });
  });
  it('an invalid code keeps the listed name and says why; CSV quotes and defuses formulas', () => {
    const row = gradeRow({ line: 1, listed: '=cmd()', code: 'DL1-y' }, failure('code-unreadable', 'bad, really'), 2);
    expect(gradesCsv([row])).toBe(
      'student,listed as,goals met,goals,all met,seconds,commands,valid,problem\n' +
        "'=cmd(),,0,2,no,,0,no,\"This code cannot be read: bad, really.\"\n",
    );
  });
});
