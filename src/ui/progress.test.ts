// Saved progress survives garbage (kept what is valid) and two tabs (merged, never overwritten).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDone, onDoneElsewhere, parseDone, saveDone, savedLesson } from './progress';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, String(v)); }
  removeItem(k: string) { this.data.delete(k); }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

describe('parseDone', () => {
  it('corrupt values give no progress instead of an exception', () => {
    for (const raw of ['{', '5', 'null', '"x"', '{"a":1}', 'true', '']) expect(parseDone(raw)).toEqual([]);
  });
  it('keeps the valid ids of a partly broken list', () => {
    expect(parseDone('["01-basics/01-hello-world", 5, null, "<img>", "01-basics/01-hello-world", "02-building/02-commit"]')).toEqual([
      '01-basics/01-hello-world',
      '02-building/02-commit',
    ]);
  });
});

describe('saveDone', () => {
  it('merges with what another tab saved meanwhile', () => {
    storage.setItem('dockerlings.done', '["01-basics/01-hello-world"]');
    const merged = saveDone(['04-networking/01-bridge']);
    expect([...merged]).toEqual(['01-basics/01-hello-world', '04-networking/01-bridge']);
    expect(loadDone()).toEqual(merged);
  });
  it('replaces a corrupt value with the valid progress', () => {
    storage.setItem('dockerlings.done', '{');
    saveDone(['01-basics/01-hello-world']);
    expect(storage.getItem('dockerlings.done')).toBe('["01-basics/01-hello-world"]');
  });
});

describe('onDoneElsewhere', () => {
  it("merges another tab's write with ours and writes back what it dropped", () => {
    const listeners: ((e: StorageEvent) => void)[] = [];
    vi.stubGlobal('window', { addEventListener: (_: string, h: (e: StorageEvent) => void) => listeners.push(h), removeEventListener: () => {} });
    const mine = new Set(['01-basics/01-hello-world']);
    const seen: Set<string>[] = [];
    onDoneElsewhere(() => mine, (d) => seen.push(d));
    storage.setItem('dockerlings.done', '["02-building/02-commit"]');
    listeners[0]({ key: 'dockerlings.done', newValue: '["02-building/02-commit"]' } as StorageEvent);
    expect([...seen[0]].sort()).toEqual(['01-basics/01-hello-world', '02-building/02-commit']);
    expect(parseDone(storage.getItem('dockerlings.done')).sort()).toEqual(['01-basics/01-hello-world', '02-building/02-commit']);
    vi.unstubAllGlobals();
  });
});

describe('savedLesson', () => {
  it('is a lesson id, the sandbox, or nothing', () => {
    expect(savedLesson()).toBe(null);
    storage.setItem('dockerlings.lesson', '01-basics/01-hello-world');
    expect(savedLesson()).toBe('01-basics/01-hello-world');
    storage.setItem('dockerlings.lesson', '');
    expect(savedLesson()).toBe('');
    storage.setItem('dockerlings.lesson', '{');
    expect(savedLesson()).toBe(null);
  });
});
