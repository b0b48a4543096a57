// The classroom's error catalogue: what can be wrong with a share link or a completion code, by code, in English and Chinese.

/** Each problem a teacher or student can meet; the arguments are details quoted as they are (numbers, reasons). */
export type ProblemCode =
  | 'code-empty'
  | 'code-foreign'
  | 'code-too-long'
  | 'code-unreadable'
  | 'code-invalid'
  | 'code-other-exercise'
  | 'code-replay-failed'
  | 'link-empty'
  | 'link-too-long'
  | 'link-unreadable'
  | 'link-invalid';

export interface Problem {
  code: ProblemCode;
  args: string[];
}

type Texts = Record<ProblemCode, (...a: string[]) => string>;

const TEXTS: Record<'en' | 'zh', Texts> = {
  en: {
    'code-empty': () => 'Paste a completion code first.',
    'code-foreign': (prefix) => `This is not a Dockerlings completion code (those start with ${prefix}).`,
    'code-too-long': (n, max) => `This code is too long (${n} characters, at most ${max}).`,
    'code-unreadable': (why) => `This code cannot be read: ${why}.`,
    'code-invalid': (why) => `This code is not valid: ${why}.`,
    'code-other-exercise': () => 'This code is for a different exercise (or a different version of this one).',
    'code-replay-failed': (why) => `Replaying this code failed: ${why}`,
    'link-empty': () => 'This exercise link is empty.',
    'link-too-long': (n) => `This exercise link is too long (${n} characters).`,
    'link-unreadable': (why) => `This exercise link cannot be read: ${why}.`,
    'link-invalid': (why) => `This exercise link is not a valid exercise: ${why}.`,
  },
  zh: {
    'code-empty': () => '请先粘贴完成码。',
    'code-foreign': (prefix) => `这不是 Dockerlings 的完成码（完成码以 ${prefix} 开头）。`,
    'code-too-long': (n, max) => `这个完成码太长了（${n} 个字符，最多 ${max} 个）。`,
    'code-unreadable': (why) => `这个完成码无法读取：${why}。`,
    'code-invalid': (why) => `这个完成码无效：${why}。`,
    'code-other-exercise': () => '这个完成码属于另一道练习（或这道练习的另一个版本）。',
    'code-replay-failed': (why) => `重放这个完成码时出错：${why}`,
    'link-empty': () => '这个练习链接是空的。',
    'link-too-long': (n) => `这个练习链接太长了（${n} 个字符）。`,
    'link-unreadable': (why) => `这个练习链接无法读取：${why}。`,
    'link-invalid': (why) => `这个链接里的内容不是有效的练习：${why}。`,
  },
};

/** A problem's sentence in a language (the details it quotes stay as they are). */
export function problemText(lang: 'en' | 'zh', p: Problem): string {
  return TEXTS[lang][p.code](...p.args);
}

/** A failed result: the problem, and its English sentence as `error`. */
export function failure(code: ProblemCode, ...args: (string | number)[]): { ok: false; error: string; problem: Problem } {
  const problem = { code, args: args.map(String) };
  return { ok: false, error: problemText('en', problem), problem };
}
