// Union filesystem rules: top-down reads, copy-up, whiteouts, opaque dirs and `docker diff` output.
import { describe, expect, it } from 'vitest';
import { diffUpper, listDir, lookup, removeNode, walk, writeNode } from './layers';
import type { FileTable } from './state';

const file = (content: string, mtime = 1) => ({ type: 'file' as const, mode: 0o644, mtime, content });
const dir = (mtime = 1) => ({ type: 'dir' as const, mode: 0o755, mtime });

function alpineLike(): FileTable {
  return { '/etc': dir(), '/etc/motd': file('Welcome\n'), '/etc/profile': file('export X\n'), '/root': dir(), '/data': dir(), '/data/a': file('a') };
}

describe('union view', () => {
  it('reads the highest layer that has a path', () => {
    const lower = alpineLike();
    const mid: FileTable = { '/etc': dir(), '/etc/motd': file('Changed\n') };
    expect(lookup([mid, lower], '/etc/motd')).toMatchObject({ content: 'Changed\n' });
    expect(lookup([mid, lower], '/etc/profile')).toMatchObject({ content: 'export X\n' });
    expect(lookup([lower], '/nope')).toBeUndefined();
  });

  it('a whiteout hides the path and everything below it', () => {
    const upper: FileTable = { '/data': { type: 'whiteout', mtime: 2 } };
    expect(lookup([upper, alpineLike()], '/data')).toBeUndefined();
    expect(lookup([upper, alpineLike()], '/data/a')).toBeUndefined();
    expect(listDir([upper, alpineLike()], '/')).toEqual(['etc', 'root']);
  });

  it('an opaque dir hides lower content beneath it', () => {
    const upper: FileTable = { '/data': { type: 'dir', mode: 0o755, mtime: 2, opaque: true }, '/data/b': file('b') };
    expect(listDir([upper, alpineLike()], '/data')).toEqual(['b']);
    expect(walk([upper, alpineLike()], '/data')).toEqual(['/data/b']);
  });
});

describe('copy-on-write and docker diff (pkg/archive/changes.go)', () => {
  it('touch /root/new.txt → C /root, A /root/new.txt', () => {
    const upper: FileTable = {};
    writeNode(upper, [alpineLike()], '/root/new.txt', file('', 5));
    expect(diffUpper(upper, [alpineLike()])).toEqual([
      { kind: 'C', path: '/root' },
      { kind: 'A', path: '/root/new.txt' },
    ]);
  });

  it('rm /etc/motd → C /etc, D /etc/motd, and a whiteout in upper', () => {
    const upper: FileTable = {};
    removeNode(upper, [alpineLike()], '/etc/motd', 5);
    expect(upper['/etc/motd']).toEqual({ type: 'whiteout', mtime: 5 });
    expect(diffUpper(upper, [alpineLike()])).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/motd' },
    ]);
  });

  it('appending to a lower file copies the whole file up → C /etc, C /etc/profile', () => {
    const upper: FileTable = {};
    writeNode(upper, [alpineLike()], '/etc/profile', file('export X\necho x\n', 5));
    expect(upper['/etc/profile']).toMatchObject({ content: 'export X\necho x\n' });
    expect(diffUpper(upper, [alpineLike()])).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/profile' },
    ]);
  });

  it('mkdir /new && touch /new/f → A /new, A /new/f (the root is never listed)', () => {
    const upper: FileTable = {};
    writeNode(upper, [alpineLike()], '/new', dir(5));
    writeNode(upper, [alpineLike()], '/new/f', file('', 5));
    expect(diffUpper(upper, [alpineLike()])).toEqual([
      { kind: 'A', path: '/new' },
      { kind: 'A', path: '/new/f' },
    ]);
  });

  it('removing a lower dir then re-creating it makes it opaque', () => {
    const upper: FileTable = {};
    removeNode(upper, [alpineLike()], '/data', 5);
    writeNode(upper, [alpineLike()], '/data', dir(6));
    expect(upper['/data']).toMatchObject({ type: 'dir', opaque: true });
    expect(listDir([upper, alpineLike()], '/data')).toEqual([]);
  });

  it('deleting a file added in the same upper layer leaves no trace', () => {
    const upper: FileTable = {};
    writeNode(upper, [alpineLike()], '/tmpfile', file('x', 5));
    removeNode(upper, [alpineLike()], '/tmpfile', 6);
    expect(upper['/tmpfile']).toBeUndefined();
    expect(diffUpper(upper, [alpineLike()])).toEqual([]);
  });
});
