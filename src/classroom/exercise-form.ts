// The teacher's in-app form ↔ Exercise: setup typed as a script (heredocs and `\` continuations kept whole), goals as rows.
import { parse as parseYaml, stringify } from 'yaml';
import { CHECKS } from '../lessons/checks';
import { argsZh, CHECK_TOPICS } from '../lessons/check-topics';
import { validateExercise, type Exercise, type Validation } from './exercise';

export interface FormGoal {
  /** A check name from the vocabulary. */
  name: string;
  /** Its arguments, space-separated. */
  args: string;
  text: string;
}

export interface ExerciseForm {
  title: string;
  lang: '' | 'en' | 'zh';
  text: string;
  /** One typed line per line; blank and `#` comment lines are skipped. */
  setup: string;
  goals: FormGoal[];
  seed?: number;
  /** An optional target picture, as YAML (the `target:` of an exercise file); blank: none. */
  target?: string;
}

export const emptyForm = (): ExerciseForm => ({ title: '', lang: '', text: '', setup: '', goals: [{ name: 'container-running', args: '', text: '' }] });

/** Split the setup box into typed lines, as the headless runner does for the common cases: a line ending in `\` and a heredoc
 *  (`<<EOF` … `EOF`) continue on the next lines. */
export function splitSetup(text: string): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  let until: string[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    if (!buf.length && (raw.trim() === '' || /^\s*#/.test(raw))) continue;
    buf.push(raw);
    if (until.length) {
      if (raw.replace(/^\t+/, '') === until[0]) until.shift();
    } else until = [...raw.matchAll(/<<-?\s*(['"]?)([\w.-]+)\1/g)].map((m) => m[2]);
    if (!until.length && !/\\$/.test(raw)) {
      out.push(buf.join('\n'));
      buf = [];
    }
  }
  if (buf.length) out.push(buf.join('\n'));
  return out;
}

/** The form as an exercise, validated (errors carry the schema's paths). */
export function formExercise(f: ExerciseForm): Validation {
  let target: unknown;
  if (f.target?.trim()) {
    try {
      target = parseYaml(f.target);
    } catch (e) {
      return { ok: false, errors: [`target: is not valid YAML (${(e as Error).message.split('\n')[0]})`] };
    }
  }
  return validateExercise({
    v: 1,
    title: f.title,
    text: f.text,
    ...(f.lang ? { lang: f.lang } : {}),
    setup: splitSetup(f.setup),
    // with a target, goal rows left without text are not goals (the target is one)
    goals: f.goals.filter((g) => target === undefined || g.text.trim() || g.args.trim()).map((g) => ({ check: `${g.name} ${g.args}`.trim(), text: g.text })),
    ...(f.seed !== undefined ? { seed: f.seed } : {}),
    ...(target !== undefined ? { target } : {}),
  });
}

/** An exercise in the form's fields (for editing a loaded file or link). */
export function exerciseForm(ex: Exercise): ExerciseForm {
  return {
    title: ex.title,
    lang: ex.lang ?? '',
    text: ex.text,
    setup: ex.setup.join('\n'),
    goals: ex.goals.map((g) => {
      const [name, ...args] = g.check.split(' ');
      return { name, args: args.join(' '), text: g.text };
    }),
    ...(ex.seed !== undefined ? { seed: ex.seed } : {}),
    ...(ex.target ? { target: stringify(ex.target, { lineWidth: 0 }) } : {}),
  };
}

/** The vocabulary for the check picker, by name. */
export const checkChoices = (): { name: string; args: string; doc: string }[] =>
  Object.entries(CHECKS)
    .filter(([, c]) => !c.needsTarget) // added by a target, never picked
    .map(([name, c]) => ({ name, args: c.args, doc: c.doc }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

/** One check as the teacher's goal picker shows it: its arguments and description in both languages, and its chapter. */
export interface CheckChoice {
  name: string;
  args: string;
  argsZh: string;
  doc: string;
  zh: string;
  topic: string;
}

/** The vocabulary grouped by chapter (CHECK_TOPICS), each group in the order a teacher meets its checks. */
export const checkGroups = (): { topic: string; checks: CheckChoice[] }[] =>
  Object.entries(CHECK_TOPICS).map(([topic, names]) => ({
    topic,
    checks: names.map((name) => ({ name, args: CHECKS[name].args, argsZh: argsZh(CHECKS[name].args), doc: CHECKS[name].doc, zh: CHECKS[name].zh ?? CHECKS[name].doc, topic })),
  }));

/** Whether a check matches what the teacher typed: every word is in its name, arguments or description (either language). */
export function matchesCheck(c: CheckChoice, query: string): boolean {
  const hay = `${c.name} ${c.args} ${c.argsZh} ${c.doc} ${c.zh}`.toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
