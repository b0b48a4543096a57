// All lessons, found by glob in /lessons (no registry to edit), ordered by their folder names.
import { parseLesson, type Lesson } from './format';

const files = import.meta.glob('../../lessons/*/*/lesson.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Lessons in course order (`01-basics/01-hello-world` before `01-basics/02-images`). */
export function lessons(): Lesson[] {
  return Object.entries(files)
    .map(([path, src]) => parseLesson(path.replace(/^.*lessons\//, '').replace(/\/lesson\.md$/, ''), src))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
