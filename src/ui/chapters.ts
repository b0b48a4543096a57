// Chapter names (en/zh) for the lesson folders' first part, shared by the home page and the lab's lesson bar: each
// chapter's first lesson declares them in its front matter (`chapter: {en, zh}`).
import type { Lang, Text } from '../lessons/format';
import { lessonTitles } from '../lessons/titles';

const CHAPTERS = new Map<string, Text>(lessonTitles().flatMap((l) => (l.chapterTitle ? [[l.chapter, l.chapterTitle] as const] : [])));

/** `04-networking` → "Networking" / "网络"; a folder no lesson names is its slug, capitalised. */
export function chapterName(folder: string, lang: Lang): string {
  const title = CHAPTERS.get(folder);
  if (title) return title[lang];
  const slug = folder.replace(/^\d+-/, '');
  return slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The chapter folder of a lesson id (`04-networking/03-isolation` → `04-networking`). */
export const chapterOf = (id: string) => id.split('/')[0];
