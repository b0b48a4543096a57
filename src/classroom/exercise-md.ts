// Exercise markdown files (a single-language lesson.md: front matter title/lang/seed/setup/goals, body = the text) ↔ Exercise.
import { stringify } from 'yaml';
import { frontMatter } from '../lessons/format';
import { validateExercise, type Exercise, type Validation } from './exercise';

/** The largest file read (the schema's limits fit well inside it). */
export const MAX_FILE = 256 * 1024;

/**
 * Parse an exercise file:
 *
 * ```
 * ---
 * title: Publish a web server
 * setup:
 *   - docker network create classnet
 * goals:
 *   - check: container-running web
 *     text: A container named web is running
 * ---
 * Start **nginx** in a container named `web` …
 * ```
 *
 * The result is validated like a link (same errors, same limits).
 */
export function parseExerciseMarkdown(source: string): Validation {
  if (source.length > MAX_FILE) return { ok: false, errors: [`file: is too large (${source.length} characters, at most ${MAX_FILE})`] };
  let split: ReturnType<typeof frontMatter>;
  try {
    split = frontMatter(source);
  } catch (e) {
    return { ok: false, errors: [`front matter: is not valid YAML (${(e as Error).message.split('\n')[0]})`] };
  }
  if (!split) return { ok: false, errors: ['file: needs front matter between "---" lines (title, setup, goals)'] };
  const fm = split.data;
  if (!fm || typeof fm !== 'object' || Array.isArray(fm)) return { ok: false, errors: ['front matter: must be a map of title, setup, goals …'] };
  const { title, lang, seed, setup, goals, target, ...rest } = fm as Record<string, unknown>;
  const unknown = Object.keys(rest).map((k) => `front matter: unknown key "${k}"`);
  const v = validateExercise({ v: 1, title, text: split.body, ...(lang !== undefined ? { lang } : {}), setup: setup ?? [], goals: goals ?? (target !== undefined ? [] : goals), ...(seed !== undefined ? { seed } : {}), ...(target !== undefined ? { target } : {}) });
  if (unknown.length) return { ok: false, errors: [...unknown, ...(v.ok ? [] : v.errors)] };
  return v;
}

/** The exercise as a file a teacher can keep, edit and load again. */
export function exerciseMarkdown(ex: Exercise): string {
  const fm: Record<string, unknown> = { title: ex.title };
  if (ex.lang) fm.lang = ex.lang;
  if (ex.seed !== undefined) fm.seed = ex.seed;
  if (ex.setup.length) fm.setup = ex.setup;
  if (ex.target) fm.target = ex.target;
  if (ex.goals.length || !ex.target) fm.goals = ex.goals.map((g) => ({ check: g.check, text: g.text }));
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n${ex.text.trim()}\n`;
}
