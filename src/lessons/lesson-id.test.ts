// Short and full lesson ids resolve to the lesson folder a widget means.
import { describe, expect, it } from 'vitest';
import { resolveLessonId } from './lesson-id';
import { lessons } from './catalog';

const ids = [
  '01-basics/01-hello-world',
  '01-basics/03-images',
  '01-basics/04-containers',
  '03-data-and-registries/01-volumes',
  '04-networking/02-user-defined-networks',
  '04-networking/03-isolation-and-connect',
];

describe('resolveLessonId', () => {
  it('takes the full id, also with a lessons/ prefix or slashes around it', () => {
    expect(resolveLessonId(ids, '01-basics/01-hello-world')).toBe('01-basics/01-hello-world');
    expect(resolveLessonId(ids, 'lessons/04-networking/03-isolation-and-connect/')).toBe('04-networking/03-isolation-and-connect');
  });

  it('takes the short form without number prefixes, the last part possibly cut at a dash', () => {
    expect(resolveLessonId(ids, 'basics/hello-world')).toBe('01-basics/01-hello-world');
    expect(resolveLessonId(ids, 'networking/isolation')).toBe('04-networking/03-isolation-and-connect');
    expect(resolveLessonId(ids, 'data/volumes')).toBe('03-data-and-registries/01-volumes');
    expect(resolveLessonId(ids, '04-networking/isolation-and-connect')).toBe('04-networking/03-isolation-and-connect');
  });

  it('an exact short name wins over a longer one starting with it', () => {
    expect(resolveLessonId([...ids, '01-basics/09-images-advanced'], 'basics/images')).toBe('01-basics/03-images');
  });

  it('refuses unknown, ambiguous or malformed names', () => {
    expect(resolveLessonId(ids, 'basics/nope')).toBeNull();
    expect(resolveLessonId(ids, 'networking/user-defined-networks-x')).toBeNull();
    expect(resolveLessonId(['a/01-x-one', 'a/02-x-two'], 'a/x')).toBeNull();
    expect(resolveLessonId(ids, 'hello-world')).toBeNull();
    expect(resolveLessonId(ids, '')).toBeNull();
  });

  it('every real lesson is reachable by its short name', () => {
    const all = lessons().map((l) => l.id);
    for (const id of all) expect(resolveLessonId(all, id.split('/').map((p) => p.replace(/^\d+-/, '')).join('/'))).toBe(id);
  });
});
