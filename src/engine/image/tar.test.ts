// ustar round trips and the header fields other tools read.
import { describe, expect, it } from 'vitest';
import { decodeTar, encodeTar, tableToTar, tarToTable } from './tar';
import type { FileTable } from '../state';

const table: FileTable = {
  '/etc': { type: 'dir', mode: 0o755, mtime: 1_700_000_000_000 },
  '/etc/motd': { type: 'file', mode: 0o644, mtime: 1_700_000_000_000, content: 'Welcome — 欢迎\n' },
  '/bin': { type: 'dir', mode: 0o755, mtime: 1_700_000_000_000 },
  '/bin/sh': { type: 'symlink', target: 'busybox', mtime: 1_700_000_000_000 },
  '/bin/busybox': { type: 'file', mode: 0o755, mtime: 1_700_000_000_000, content: '\u007fELF stand-in\n', size: 1_149_184 },
  '/gone': { type: 'whiteout', mtime: 1_700_000_000_000 },
};

describe('tar', () => {
  it('round-trips a file table, UTF-8 content, symlinks and whiteouts', () => {
    const bytes = encodeTar(tableToTar(table));
    expect(bytes.length % 512).toBe(0);
    expect(tarToTable(decodeTar(bytes)!)).toEqual(table);
  });

  it('writes ustar headers: name, octal mode/size/mtime, type flag, root owner, checksum', () => {
    const bytes = encodeTar([{ name: 'a.txt', type: 'file', mode: 0o644, mtime: 1_700_000_000_000, body: new TextEncoder().encode('hi\n') }]);
    const text = (a: number, n: number) => new TextDecoder().decode(bytes.slice(a, a + n));
    expect(text(0, 5)).toBe('a.txt');
    expect(text(100, 7)).toBe('0000644');
    expect(text(124, 11)).toBe('00000000003');
    expect(text(136, 11)).toBe((1_700_000_000).toString(8).padStart(11, '0'));
    expect(text(156, 1)).toBe('0');
    expect(text(257, 5)).toBe('ustar');
    expect(text(265, 4)).toBe('root');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : bytes[i];
    expect(parseInt(text(148, 6), 8)).toBe(sum);
    expect(text(512, 3)).toBe('hi\n');
    expect(bytes.length).toBe(512 + 512 + 1024);
  });

  it('refuses bytes that are not a tar archive', () => {
    expect(decodeTar(new TextEncoder().encode('hello'.padEnd(600, 'x')))).toBeNull();
  });
});
