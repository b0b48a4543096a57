// The host shell's limits as the learner meets them: loops run on as in bash, and limit messages name no library setting.
import { describe, expect, it } from 'vitest';
import { transcript } from './transcript';
import { learnerText } from './bash-options';

describe('shell limits', () => {
  it('a loop runs on (no command-count limit) and recursion says what bash says, naming no library setting', async () => {
    const out = await transcript('i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done; echo $i\nf() { f; }; f');
    expect(out).toBe('$ i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done; echo $i\n40000\n$ f() { f; }; f\nbash: f: maximum function nesting level exceeded (100)\n');
  }, 60_000);

  it('docker ps --format with a runaway range prints docker’s template error and the prompt comes back', async () => {
    const out = await transcript(`docker create --name web busybox\ndocker ps -a --format '{{range 1000000000}}x{{end}}'\necho still here`);
    expect(out).toContain(`$ docker ps -a --format '{{range 1000000000}}x{{end}}'\nfailed to execute template: template: :1:8: executing "" at <{{range 1000000000}}x{{end}}>: range exceeds 1000000 iterations (the simulator's limit)\n$ echo still here\nstill here\n`);
  });

  it('rewords just-bash limit messages', () => {
    expect(learnerText('bash: too many commands executed (100000), increase executionLimits.maxCommandCount\n')).toBe('bash: too many commands executed (100000)\n');
  });
});

describe('container log limit', () => {
  it('keeps LOG_LIMIT bytes of one process run and says how much was dropped', async () => {
    const { capLog, LOG_LIMIT } = await import('./runtime');
    const big = 'x'.repeat(LOG_LIMIT / 4);
    const out = capLog([0, 1, 2, 3, 4, 5].map((i) => ({ offset: i * 1000, stream: 'stdout' as const, text: big })));
    expect(out.map((o) => [o.offset, o.stream, o.text.length])).toEqual([[0, 'stdout', big.length], [1000, 'stdout', big.length], [2000, 'stdout', big.length], [3000, 'stdout', big.length], [4000, 'stderr', out[4].text.length]]);
    expect(out[4].text).toBe(`\nlog: message dropped: ${2 * big.length} bytes over the ${LOG_LIMIT}-byte log limit\n`);
    expect(capLog([{ offset: 0, stream: 'stdout', text: 'small' }])).toEqual([{ offset: 0, stream: 'stdout', text: 'small' }]);
  });
});
