// Containers removed by --rm are handed to the client beside the state, for the command that removed them only.
import { describe, expect, it } from 'vitest';
import { createEngine } from './index';
import { containerById } from './container-table';

describe('containers a command removed', () => {
  it('an --rm container that exited is gone from the state but the command that removed it hands it over', () => {
    const e = createEngine();
    e.image.pull('busybox');
    const { id } = e.container.create({ image: 'busybox', cmd: ['sh', '-c', 'echo hi; exit 3'], hostConfig: { AutoRemove: true } });
    expect(e.container.start(id).program).toBe('runtime');
    e.container.processDone(id, { output: [{ offset: 0, stream: 'stdout', text: 'hi\n' }], exitCode: 3, elapsed: 0, upper: {} });
    e.advance(0); // the exit falls due: --rm removes it
    expect(containerById(e.state, id)).toBeUndefined();
    expect(Object.keys(e.state)).not.toContain('removed');
    const gone = e.container.removed(id)!;
    expect([gone.state.status, gone.state.exitCode, gone.logs.map((l) => l.text).join('')]).toEqual(['exited', 3, 'hi\n']);
    expect(Object.isFrozen(gone)).toBe(true);
    expect(() => e.container.stop('nope')).toThrow(); // a failed command changes nothing, this included
    expect(e.container.removed(id)).toBe(gone);
    e.advance(1000); // the next command forgets it
    expect(e.container.removed(id)).toBeUndefined();
  });
});
