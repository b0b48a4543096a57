// A template cannot run away with the tab: range iterations and output are bounded, with Go's error shape and the partial output kept.
import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateExecError } from './template';
import { TEMPLATE_LIMITS } from './template-exec';

function failure(src: string, data: unknown = {}): TemplateExecError {
  try {
    parseTemplate(src).execute(data);
  } catch (e) {
    if (e instanceof TemplateExecError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('template limits', () => {
  it('stops a range over a huge integer at the iteration limit', () => {
    const e = failure('{{range 1000000000}}{{end}}');
    expect(e.message).toBe(`template: :1:8: executing "" at <{{range 1000000000}}{{end}}>: range exceeds ${TEMPLATE_LIMITS.iterations} iterations (the simulator's limit)`);
    expect(e.partial).toBe('');
  });

  it('stops a template writing more than the output limit, keeping what it wrote', () => {
    const e = failure('{{range .}}{{range .}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{end}}{{end}}', Array.from({ length: 1000 }, () => Array(1000).fill(0)));
    expect(e.message).toMatch(/^template: :1:\d+: executing "" at <.*>: output exceeds 4194304 bytes \(the simulator's limit\)$/);
    expect(e.partial.length).toBeGreaterThan(TEMPLATE_LIMITS.output);
    expect(e.partial.length).toBeLessThan(TEMPLATE_LIMITS.output + 100);
  });

});
