// The classroom error catalogue: each problem's English sentence, and its Chinese one keyed by the problem's code.
import { describe, expect, it } from 'vitest';
import { failure, problemText, type ProblemCode } from './problems';

/** [code, arguments, English, Chinese]: the sentences the teacher page showed before the catalogue (unchanged). */
const CASES: [ProblemCode, (string | number)[], string, string][] = [
  ['code-empty', [], 'Paste a completion code first.', '请先粘贴完成码。'],
  ['code-foreign', ['DL1-'], 'This is not a Dockerlings completion code (those start with DL1-).', '这不是 Dockerlings 的完成码（完成码以 DL1- 开头）。'],
  ['code-too-long', [200004, 200000], 'This code is too long (200004 characters, at most 200000).', '这个完成码太长了（200004 个字符，最多 200000 个）。'],
  ['code-unreadable', ['it is damaged: x'], 'This code cannot be read: it is damaged: x.', '这个完成码无法读取：it is damaged: x。'],
  ['code-invalid', ['its version is not 1'], 'This code is not valid: its version is not 1.', '这个完成码无效：its version is not 1。'],
  ['code-other-exercise', [], 'This code is for a different exercise (or a different version of this one).', '这个完成码属于另一道练习（或这道练习的另一个版本）。'],
  ['code-replay-failed', ['boom'], 'Replaying this code failed: boom', '重放这个完成码时出错：boom'],
  ['link-empty', [], 'This exercise link is empty.', '这个练习链接是空的。'],
  ['link-too-long', [200000], 'This exercise link is too long (200000 characters).', '这个练习链接太长了（200000 个字符）。'],
  ['link-unreadable', ['it is too large'], 'This exercise link cannot be read: it is too large.', '这个练习链接无法读取：it is too large。'],
  ['link-invalid', ['goals: missing'], 'This exercise link is not a valid exercise: goals: missing.', '这个链接里的内容不是有效的练习：goals: missing。'],
];

describe('classroom problems', () => {
  it.each(CASES)('%s: English as the result error, Chinese by code', (code, args, en, zh) => {
    const f = failure(code, ...args);
    expect(f).toEqual({ ok: false, error: en, problem: { code, args: args.map(String) } });
    expect(problemText('en', f.problem)).toBe(en);
    expect(problemText('zh', f.problem)).toBe(zh);
  });
});
