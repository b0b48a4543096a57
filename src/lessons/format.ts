// Lesson files: YAML front matter (titles, setup, goals with checks, hints, solution) and an English and a Chinese body.
import { parse as parseYaml } from 'yaml';
import { parseTarget, TARGET_GOAL, type Target } from './target.ts'; // with its extension: vite.config.ts loads this file natively

export type Lang = 'en' | 'zh';
export type Text = Record<Lang, string>;

export interface Goal {
  /** A check from the vocabulary in checks.ts, e.g. `container-running web`. */
  check: string;
  text: Text;
}

export interface Lesson {
  /** `01-basics/01-hello-world` */
  id: string;
  chapter: string;
  /** The chapter's title, declared in the front matter (`chapter: {en, zh}`) of the chapter's first lesson. */
  chapterTitle?: Text;
  title: Text;
  /** One line saying what the lesson is about (the home page lists it). */
  description?: Text;
  /** About how long the lesson takes, in minutes. */
  minutes?: number;
  /** `bare`: the host starts without Docker installed (a fresh Ubuntu server, a sudoer logged in). */
  host?: 'bare';
  /** Lines typed before the learner starts (not shown as the learner's own); a bare host's switch comes first. */
  setup: string[];
  goals: Goal[];
  hints: Text[];
  /** Lines that meet every goal, typed after setup (the lesson test replays them). */
  solution: string[];
  diagram: 'topology' | 'layers' | 'packet' | 'lifecycle' | 'none';
  body: Text;
  /** A target picture: drawn behind the live one, and met (goal `target-met`) when the state matches it. */
  target?: Target;
  /** A puzzle's par: the number of docker commands a good solution takes (par.ts says which count). */
  par?: number;
}


function text(v: unknown, where: string): Text {
  if (v && typeof v === 'object' && typeof (v as Text).en === 'string' && typeof (v as Text).zh === 'string') return { en: (v as Text).en, zh: (v as Text).zh };
  throw new Error(`${where}: needs en and zh text`);
}

const strings = (v: unknown, where: string): string[] => {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  throw new Error(`${where}: must be a list of strings`);
};

function minutes(v: unknown, id: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 120) return v;
  throw new Error(`${id} minutes: must be a whole number from 1 to 120`);
}

/** Split `::: en` … `:::` and `::: zh` … `:::` blocks of the markdown body. */
function bodies(md: string, where: string): Text {
  const out: Partial<Text> = {};
  for (const m of md.matchAll(/^::: *(en|zh) *\n([\s\S]*?)^:::\s*$/gm)) out[m[1] as Lang] = m[2].trim() + '\n';
  if (!out.en || !out.zh) throw new Error(`${where}: the body needs a "::: en" and a "::: zh" block`);
  return out as Text;
}

/** A markdown file's YAML front matter (parsed as plain data: no custom tags) and its body; null without front matter. */
export function frontMatter(source: string): { data: unknown; body: string } | null {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  return m ? { data: parseYaml(m[1]), body: m[2] } : null;
}

/** Parse one lesson.md; throws with the lesson id on anything malformed (lessons are data, never code). */
export function parseLesson(id: string, source: string): Lesson {
  const split = frontMatter(source);
  if (!split) throw new Error(`${id}: missing front matter`);
  const fm = (split.data ?? {}) as Record<string, unknown>;
  const goals = (fm.goals as unknown[] | undefined) ?? [];
  let target: Target | undefined;
  if (fm.target !== undefined) {
    const t = parseTarget(fm.target);
    if (!t.ok) throw new Error(`${id} ${t.errors.join('; ')}`);
    target = t.target;
  }
  if (!Array.isArray(goals) || (goals.length === 0 && !target)) throw new Error(`${id}: needs at least one goal`);
  if (fm.par !== undefined && !(Number.isInteger(fm.par) && (fm.par as number) > 0 && (fm.par as number) < 100)) throw new Error(`${id} par: must be a whole number from 1 to 99`);
  const diagram = (fm.diagram as string | undefined) ?? 'none';
  if (fm.host !== undefined && fm.host !== 'bare') throw new Error(`${id}: host must be "bare" (a host without Docker) or left out`);
  const bare = fm.host === 'bare';
  if (!['topology', 'layers', 'packet', 'lifecycle', 'none'].includes(diagram)) throw new Error(`${id}: unknown diagram ${diagram}`);
  return {
    id,
    chapter: id.split('/')[0],
    ...(fm.chapter === undefined ? {} : { chapterTitle: text(fm.chapter, `${id} chapter`) }),
    title: text(fm.title, `${id} title`),
    ...(fm.description === undefined ? {} : { description: text(fm.description, `${id} description`) }),
    ...(fm.minutes === undefined ? {} : { minutes: minutes(fm.minutes, id) }),
    ...(bare ? { host: 'bare' as const } : {}),
    // the switch is a setup line, so every path that replays a setup (lab, widget, branches, completion codes) gets it
    setup: [...(bare ? ['dockerlings-host bare'] : []), ...strings(fm.setup, `${id} setup`)],
    goals: [
      ...(target ? [{ check: TARGET_GOAL.check, text: { ...TARGET_GOAL.text } }] : []),
      ...goals.map((g, i) => {
        const o = g as { check?: unknown };
        if (typeof o.check !== 'string') throw new Error(`${id} goal ${i + 1}: needs a check`);
        return { check: o.check, text: text(g, `${id} goal ${i + 1}`) };
      }),
    ],
    hints: ((fm.hints as unknown[] | undefined) ?? []).map((h, i) => text(h, `${id} hint ${i + 1}`)),
    solution: strings(fm.solution, `${id} solution`),
    diagram: diagram as Lesson['diagram'],
    body: bodies(split.body, id),
    ...(target ? { target } : {}),
    ...(fm.par !== undefined ? { par: fm.par as number } : {}),
  };
}
