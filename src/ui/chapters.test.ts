// Chapter names come from the lessons' front matter, in both languages; an unnamed folder falls back to its slug.
import { expect, it } from 'vitest';
import { chapterName } from './chapters';

it('names chapters from the first lesson of each folder', () => {
  expect(chapterName('01-basics', 'en')).toBe('Basics');
  expect(chapterName('03-data-and-registries', 'zh')).toBe('数据与镜像仓库');
  expect(chapterName('05-compose', 'en')).toBe('Docker Compose');
  expect(chapterName('09-extra-topics', 'en')).toBe('Extra topics');
});
