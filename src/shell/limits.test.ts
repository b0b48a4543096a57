// The host shell's limits as the learner meets them: loops run on as in bash, and limit messages name no library setting.
import { describe, expect, it } from 'vitest';
import { transcript } from './transcript';
import { learnerText } from './bash-options';

describe('shell limits', () => {
  it('a loop runs on (no command-count limit) and recursion says what bash says, naming no library setting', async () => {
    const out = await transcript('i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done; echo $i\nf() { f; }; f');
    expect(out).toBe('$ i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done; echo $i\n40000\n$ f() { f; }; f\nbash: f: maximum function nesting level exceeded (100)\n');
  }, 60_000);

  it('rewords just-bash limit messages', () => {
    expect(learnerText('bash: too many commands executed (100000), increase executionLimits.maxCommandCount\n')).toBe('bash: too many commands executed (100000)\n');
  });
});
