// Chapter names (en/zh) for the lesson folders' first part, shared by the home page and the lab's lesson bar.
import type { Lang } from '../lessons/format';

const CHAPTERS: Record<string, { en: string; zh: string }> = {
  basics: { en: 'Basics', zh: '基础' },
  building: { en: 'Building images', zh: '构建镜像' },
  'data-and-registries': { en: 'Data and registries', zh: '数据与镜像仓库' },
  networking: { en: 'Networking', zh: '网络' },
  compose: { en: 'Docker Compose', zh: 'Docker Compose' },
};

/** `04-networking` → "Networking" / "网络"; an unknown folder is its slug, capitalised. */
export function chapterName(folder: string, lang: Lang): string {
  const slug = folder.replace(/^\d+-/, '');
  return CHAPTERS[slug]?.[lang] ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The chapter folder of a lesson id (`04-networking/03-isolation` → `04-networking`). */
export const chapterOf = (id: string) => id.split('/')[0];
