// Which commands of a line write to the terminal: stdout (ls columns, docker cp's summary) and stderr (compose's frames).
import { describe, expect, it } from 'vitest';
import { terminalCommands } from './tty';

/** The answers for each occurrence of `name` in the line, for stdout (1) or stderr (2). */
const answers = (line: string, fd: 1 | 2, name = 'docker', n = 1) => {
  const tty = terminalCommands(line, fd);
  return Array.from({ length: n }, () => tty(name));
};

describe('terminalCommands', () => {
  it('stdout leaves the terminal through a pipe, a redirect or a substitution', () => {
    expect(answers('docker ps; docker ps | cat; docker ps > f; x=$(docker ps)', 1, 'docker', 4)).toEqual([true, false, false, false]);
    expect(answers('docker ps 2>/dev/null', 1)).toEqual([true]);
    expect(answers('docker ps >&2', 1)).toEqual([true]);
  });

  it('stderr stays on the terminal through a pipe and a substitution, and leaves with 2>, &> or 2>&1 into a pipe', () => {
    expect(answers('docker compose up | cat', 2)).toEqual([true]);
    expect(answers('x=$(docker compose up)', 2)).toEqual([true]);
    expect(answers('docker compose up 2>/dev/null', 2)).toEqual([false]);
    expect(answers('docker compose up &> log', 2)).toEqual([false]);
    expect(answers('docker compose up 2>&1 | cat', 2)).toEqual([false]);
    expect(answers('docker compose up 2>&1', 2)).toEqual([true]);
    expect(answers('docker compose up |& cat', 2)).toEqual([false]);
  });
});
