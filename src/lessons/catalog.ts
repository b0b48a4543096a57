// All lessons, found by glob in /lessons (no registry to edit), ordered by their folder names.
// vite.config.ts parses each lesson.md at build time (`?lesson`), so pages get JSON and not the YAML parser.
import type { Lesson } from './format';

type Parsed = Lesson | { error: string };
const files = import.meta.glob('../../lessons/*/*/lesson.md', { query: '?lesson', import: 'default', eager: true }) as Record<string, Parsed>;

let parsed: { lessons: Lesson[]; errors: string[] } | null = null;

function load() {
  if (parsed) return parsed;
  const out: Lesson[] = [];
  const errors: string[] = [];
  for (const l of Object.values(files)) {
    if ('error' in l) errors.push(l.error);
    else out.push(l);
  }
  return (parsed = { lessons: out.sort((a, b) => (a.id < b.id ? -1 : 1)), errors });
}

/** Lessons in course order (`01-basics/01-hello-world` before `01-basics/02-images`); a malformed one is left out. */
export function lessons(): Lesson[] {
  return load().lessons;
}

/** Why lesson files were left out (the lesson test requires none). */
export function lessonErrors(): string[] {
  return load().errors;
}
