// All lessons, found by glob in /lessons (no registry to edit), ordered by their folder names.
import { parseLesson, type Lesson } from './format';

const files = import.meta.glob('../../lessons/*/*/lesson.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let parsed: { lessons: Lesson[]; errors: string[] } | null = null;

function load() {
  if (parsed) return parsed;
  const out: Lesson[] = [];
  const errors: string[] = [];
  for (const [path, src] of Object.entries(files)) {
    try {
      out.push(parseLesson(path.replace(/^.*lessons\//, '').replace(/\/lesson\.md$/, ''), src));
    } catch (e) {
      errors.push((e as Error).message);
    }
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
