// The images' programs are code chunks (programs.ts): their names are known up front and must match what each chunk defines.
import { describe, expect, it } from 'vitest';
import { LAZY_PROGRAMS, isProgram, programNamed } from './programs';

describe('programs in code chunks', () => {
  it('each chunk defines exactly the programs its entry names (add a new program name there when a chunk gains one)', () => {
    for (const f of LAZY_PROGRAMS) expect([f.chunk, Object.keys(f.programs()).sort()]).toEqual([f.chunk, [...f.names].sort()]);
  });

  it('no program is named twice, and every named one is found once its chunk is loaded', () => {
    const names = LAZY_PROGRAMS.flatMap((f) => f.names);
    expect(new Set(names).size).toBe(names.length);
    for (const n of [...names, 'nginx', 'sleep', 'hello', 'httpd', 'registry']) {
      expect(isProgram(n)).toBe(true);
      expect(typeof programNamed(n)?.onSignal).toBe('function');
    }
    for (const n of ['script', 'runtime', 'constructor', '__proto__', 'bash']) expect([n, isProgram(n), programNamed(n)]).toEqual([n, false, undefined]);
  });
});
