// Lesson titles only (id, chapter, en/zh title), for pages that list lessons without loading their text (the home page).
import type { Text } from './format';

export interface LessonTitle {
  id: string;
  chapter: string;
  /** Set on the lesson whose front matter names the chapter (its first). */
  chapterTitle?: Text;
  title: Text;
}

const files = import.meta.glob('../../lessons/*/*/lesson.md', { query: '?lesson-meta', import: 'default', eager: true }) as Record<string, LessonTitle | { error: string }>;

/** Every well-formed lesson's title, in course order. */
export function lessonTitles(): LessonTitle[] {
  return Object.values(files)
    .filter((l): l is LessonTitle => !('error' in l))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
