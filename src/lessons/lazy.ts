// One lesson at a time, fetched on demand (the widget): a page naming `networking/isolation` loads only that lesson.
import type { Lesson } from './format';
import { resolveLessonId } from './lesson-id';

const loaders = import.meta.glob('../../lessons/*/*/lesson.md', { query: '?lesson-lazy', import: 'default' }) as Record<string, () => Promise<Lesson | { error: string }>>;
const byId = new Map(Object.entries(loaders).map(([path, load]) => [path.replace(/^.*lessons\//, '').replace(/\/lesson\.md$/, ''), load]));

/** The lesson `wanted` names (full or short id); rejects with a readable reason when there is none or it is malformed. */
export async function loadLesson(wanted: string): Promise<Lesson> {
  const id = resolveLessonId([...byId.keys()], wanted);
  if (!id) throw new Error(`no lesson "${wanted}"`);
  const l = await byId.get(id)!();
  if ('error' in l) throw new Error(l.error);
  return l;
}
