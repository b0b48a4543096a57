// Inline goals: known checks with enough arguments pass, anything else is named as the problem.
import { describe, expect, it } from 'vitest';
import { checkProblem } from './goal-check';

describe('checkProblem', () => {
  it('accepts known checks with their arguments (optional ones may be left out)', () => {
    expect(checkProblem('container-running web')).toBeNull();
    expect(checkProblem('  container-exited   web  ')).toBeNull();
    expect(checkProblem('container-exited web 0')).toBeNull();
    expect(checkProblem('containers-none')).toBeNull();
    expect(checkProblem('image-history-has app RUN apk add curl')).toBeNull();
  });

  it('names unknown checks and missing arguments', () => {
    expect(checkProblem('container-flying web')).toBe('unknown check "container-flying"');
    expect(checkProblem('')).toBe('unknown check ""');
    expect(checkProblem('container-running')).toBe('"container-running" needs NAME');
    expect(checkProblem('container-ip web appnet')).toBe('"container-ip" needs NAME NET IP');
  });
});
