// A teacher's exercise: its strict schema, canonical form and hash, and the share link that carries it (never code).
import { failure } from './problems';
import { checkError } from '../lessons/checks';
import type { Lesson } from '../lessons/format';
import { sha256Hex } from '../engine/index';
import { pack, unpack, utf8Length } from './codec';
import { parseTarget, TARGET_GOAL, targetDeclaration, type Target, type TargetDecl } from '../lessons/target';

export interface ExerciseGoal {
  /** A check from the vocabulary (src/lessons/checks*.ts), e.g. `container-running web`. */
  check: string;
  text: string;
}

export interface Exercise {
  v: 1;
  title: string;
  /** Markdown, shown like a lesson body (rendered escaped). */
  text: string;
  lang?: 'en' | 'zh';
  /** Lines typed into the simulated shell before the student starts (shell commands for the simulator, never JS). */
  setup: string[];
  goals: ExerciseGoal[];
  /** The simulator's seed (ids, generated names); 1 when absent. */
  seed?: number;
  /** A target picture (src/lessons/target.ts), in canonical declaration form; it adds the goal `target-met`. */
  target?: TargetDecl;
}

export const LIMITS = { title: 200, textBytes: 20_000, setupLines: 50, setupLineBytes: 2_048, goals: 20, goalText: 500, check: 500 } as const;
/** A link's data may not expand beyond this (the largest valid exercise is about 130 kB of JSON). */
const MAX_JSON = 256 * 1024;
const MAX_LINK_DATA = 128 * 1024;

export type Validation = { ok: true; exercise: Exercise } | { ok: false; errors: string[] };

// control characters other than tab and newline (terminal escapes, NUL …) are refused in every string
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Check untrusted data against the exercise schema: exact types, no unknown keys, bounded sizes, known checks with the
 * right number of arguments. Returns the exercise rebuilt in canonical key order, or every error with its path.
 * (Hand-written rather than a schema library: about 60 lines, no dependency, no code generation under a strict CSP,
 * and the error texts are ours.)
 */
export function validateExercise(data: unknown): Validation {
  const errors: string[] = [];
  const err = (path: string, msg: string) => void errors.push(`${path}: ${msg}`);
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const keys = (o: Record<string, unknown>, path: string, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) err(path, `unknown key "${k.length > 40 ? k.slice(0, 40) + '…' : k}"`);
  };
  const str = (v: unknown, path: string, opts: { max: number; bytes?: boolean; min?: number; lines?: boolean }): string => {
    if (typeof v !== 'string') return void err(path, 'must be a string'), '';
    const size = opts.bytes ? utf8Length(v) : v.length;
    if (size > opts.max) err(path, `is too long (${size} > ${opts.max} ${opts.bytes ? 'bytes' : 'characters'})`);
    else if (v.trim().length < (opts.min ?? 0)) err(path, 'must not be empty');
    else if (CONTROL.test(v) || (!opts.lines && /[\n\r]/.test(v))) err(path, opts.lines ? 'contains a control character' : 'must be one line without control characters');
    return v;
  };

  if (!isObj(data)) return { ok: false, errors: ['exercise: must be an object'] };
  keys(data, 'exercise', ['v', 'title', 'text', 'lang', 'setup', 'goals', 'seed', 'target']);
  if (data.v !== 1) err('v', 'must be 1 (the format version)');
  const title = str(data.title, 'title', { max: LIMITS.title, min: 1 });
  const text = str(data.text, 'text', { max: LIMITS.textBytes, bytes: true, lines: true });
  if (data.lang !== undefined && data.lang !== 'en' && data.lang !== 'zh') err('lang', 'must be "en" or "zh"');
  const setup: string[] = [];
  if (!Array.isArray(data.setup)) err('setup', 'must be a list of lines');
  else if (data.setup.length > LIMITS.setupLines) err('setup', `has ${data.setup.length} lines (at most ${LIMITS.setupLines})`);
  else data.setup.forEach((l, i) => setup.push(str(l, `setup[${i}]`, { max: LIMITS.setupLineBytes, bytes: true, lines: true })));
  let target: TargetDecl | undefined;
  if (data.target !== undefined) {
    const t = parseTarget(data.target);
    if (t.ok) target = targetDeclaration(t.target);
    else for (const e of t.errors) errors.push(e.startsWith('target') ? e : `target.${e}`);
  }
  // a target is a goal of its own: then the listed goals may be none
  const least = data.target !== undefined ? 0 : 1;
  const goals: ExerciseGoal[] = [];
  if (!Array.isArray(data.goals)) err('goals', 'must be a list');
  else if (data.goals.length < least || data.goals.length > LIMITS.goals) err('goals', `needs ${least} to ${LIMITS.goals} goals (has ${data.goals.length})`);
  else
    data.goals.forEach((g, i) => {
      const path = `goals[${i}]`;
      if (!isObj(g)) return err(path, 'must be an object with check and text');
      keys(g, path, ['check', 'text']);
      const check = str(g.check, `${path}.check`, { max: LIMITS.check, min: 1 });
      if (typeof g.check === 'string' && g.check.trim()) {
        const why = checkError(check) ?? (check.trim().split(/\s+/)[0] === TARGET_GOAL.check ? 'target-met is added by a target, not listed as a goal' : null);
        if (why) err(`${path}.check`, why);
      }
      goals.push({ check, text: str(g.text, `${path}.text`, { max: LIMITS.goalText, min: 1 }) });
    });
  if (data.seed !== undefined && !(Number.isSafeInteger(data.seed) && (data.seed as number) >= 0 && (data.seed as number) < 2 ** 31)) err('seed', 'must be a whole number from 0 to 2147483647');
  if (errors.length) return { ok: false, errors };
  const exercise = normalize({ v: 1, title, text, lang: data.lang as Exercise['lang'], setup, goals, seed: data.seed as number | undefined, target });
  return { ok: true, exercise };
}

/** Canonical form: fixed key order, surrounding blanks trimmed from texts, checks with single spaces. */
function normalize(ex: Exercise): Exercise {
  return {
    v: 1,
    title: ex.title.trim(),
    text: ex.text.trim(),
    ...(ex.lang ? { lang: ex.lang } : {}),
    setup: [...ex.setup],
    goals: ex.goals.map((g) => ({ check: g.check.trim().split(/\s+/).join(' '), text: g.text.trim() })),
    ...(ex.seed !== undefined ? { seed: ex.seed } : {}),
    ...(ex.target ? { target: ex.target } : {}),
  };
}

/** The exercise's target, parsed (it was validated with the exercise). */
export const exerciseTarget = (ex: Exercise): Target | undefined => {
  const t = ex.target ? parseTarget(ex.target) : null;
  return t?.ok ? t.target : undefined;
};

/** The checks a student's session is judged by: `target-met` first when there is a target, then the listed goals. */
export const exerciseChecks = (ex: Exercise): string[] => [...(ex.target ? [TARGET_GOAL.check] : []), ...ex.goals.map((g) => g.check)];

/** The exercise as canonical JSON: what its hash is taken over and what a link carries. */
export const canonicalJson = (ex: Exercise): string => JSON.stringify(normalize(ex));

/** sha256 (hex) of the canonical JSON: names the exercise in completion codes and session files. */
export const exerciseHash = (ex: Exercise): string => sha256Hex(canonicalJson(ex));

/** The data part of a share link: base64url of the deflate-raw'd canonical JSON. */
export async function encodeExercise(ex: Exercise): Promise<string> {
  return pack(JSON.parse(canonicalJson(ex)), 'deflate-raw');
}

/** The share link, relative to the site root: `lab.html#exercise=…`. */
export async function exerciseLink(ex: Exercise, page = 'lab.html'): Promise<string> {
  return `${page}#exercise=${await encodeExercise(ex)}`;
}

export type Decoded = { ok: true; exercise: Exercise } | ReturnType<typeof failure>;

/** A link, a `#exercise=…` fragment or the bare data → a validated exercise, or why the link cannot be used. */
export async function decodeExercise(linkOrData: string): Promise<Decoded> {
  const t = linkOrData.trim();
  const at = t.indexOf('#exercise=');
  const data = at >= 0 ? t.slice(at + '#exercise='.length) : t;
  if (!data) return failure('link-empty');
  if (data.length > MAX_LINK_DATA) return failure('link-too-long', data.length);
  const u = await unpack(data, 'deflate-raw', MAX_JSON);
  if (!u.ok) return failure('link-unreadable', u.error);
  const v = validateExercise(u.value);
  return v.ok ? v : failure('link-invalid', v.errors.join('; '));
}

/** The exercise in the lesson shape the lesson panel shows (one text for both languages, no hints or solution). */
export function exerciseLesson(ex: Exercise, hash = exerciseHash(ex)): Lesson {
  const same = (s: string) => ({ en: s, zh: s });
  const body = /^\s*#\s/.test(ex.text) ? ex.text : `# ${ex.title}\n\n${ex.text}`;
  return {
    id: `exercise:${hash.slice(0, 16)}`,
    chapter: 'exercise',
    title: same(ex.title),
    setup: [...ex.setup],
    goals: [...(ex.target ? [{ check: TARGET_GOAL.check, text: { ...TARGET_GOAL.text } }] : []), ...ex.goals.map((g) => ({ check: g.check, text: same(g.text) }))],
    hints: [],
    solution: [],
    diagram: ex.target ? 'topology' : 'none',
    body: same(body),
    ...(ex.target ? { target: exerciseTarget(ex) } : {}),
  };
}
