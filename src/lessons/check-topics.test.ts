// The goal picker's grouping covers the vocabulary exactly, and every argument word has its Chinese form.
import { describe, expect, it } from 'vitest';
import { CHECKS } from './checks';
import { argsZh, CHECK_TOPICS } from './check-topics';

describe('check topics', () => {
  it('put every check in exactly one chapter, and name no check that does not exist (those a target brings are not offered)', () => {
    const listed = Object.values(CHECK_TOPICS).flat();
    expect([...listed].sort()).toEqual(Object.keys(CHECKS).filter((k) => !CHECKS[k].needsTarget).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('chapters are lesson folders', () => {
    expect(Object.keys(CHECK_TOPICS)).toEqual(['01-basics', '02-building', '03-data-and-registries', '04-networking', '05-compose']);
  });

  it('every argument word of every check reads in Chinese', () => {
    for (const [name, c] of Object.entries(CHECKS)) if (!c.needsTarget) expect(argsZh(c.args), name).not.toMatch(/[A-Z]/);
    expect(argsZh('NAME [CODE]')).toBe('名称 [退出码]');
    expect(argsZh('PROJECT SERVICE N')).toBe('项目 服务 数量');
    expect(argsZh('HOST/REPO:TAG')).toBe('仓库主机/仓库:标签');
  });
});
