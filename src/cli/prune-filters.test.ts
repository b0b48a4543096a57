// --filter of the prune commands (until=, label=, label!=) and docker ps --filter volume=: applied, never dropped.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index';
import { cli } from './testing';

async function session(lines: string[]) {
  const engine = createEngine({ seed: 1 });
  for (const l of lines) {
    if (l.startsWith('advance ')) engine.advance(parseInt(l.slice(8), 10) * 1000);
    else expect((await cli(l, engine)).exitCode, l).toBe(0);
  }
  return engine;
}

const names = async (e: ReturnType<typeof createEngine>, line = 'ps -a --format {{.Names}}') => (await cli(line, e)).stdout.split('\n').filter(Boolean).sort();

describe('prune --filter', () => {
  it('container prune --filter until=1h keeps a container created seconds ago and removes one from two hours ago', async () => {
    const e = await session(['pull -q alpine', 'create --name old alpine', 'advance 7200', 'create --name young alpine']);
    const old = e.container.get('old').id;
    const r = await cli('container prune --filter until=1h -f', e);
    expect(r).toMatchObject({ stdout: `Deleted Containers:\n${old}\n\nTotal reclaimed space: 0B\n`, exitCode: 0 });
    expect(await names(e)).toEqual(['young']);
  });

  it('label= and label!= select by the container labels', async () => {
    const e = await session(['pull -q alpine', 'create --name keep1 -l keep=yes alpine', 'create --name drop1 alpine']);
    await cli('container prune -f --filter label!=keep', e);
    expect(await names(e)).toEqual(['keep1']);
    await cli('container prune -f --filter label=keep=no', e);
    expect(await names(e)).toEqual(['keep1']);
    await cli('container prune -f --filter label=keep=yes', e);
    expect(await names(e)).toEqual([]);
  });

  it("the daemon's errors: unknown key, two untils, a bad time", async () => {
    const e = await session(['pull -q alpine', 'create --name c1 alpine']);
    expect(await cli('container prune -f --filter bogus=1', e)).toMatchObject({ stderr: "Error response from daemon: invalid filter 'bogus'\n", exitCode: 1 });
    expect(await cli('container prune -f --filter until=1h --filter until=2h', e)).toMatchObject({ stderr: 'Error response from daemon: more than one until filter specified\n', exitCode: 1 });
    expect(await cli('container prune -f --filter until=soon', e)).toMatchObject({ stderr: 'Error response from daemon: failed to parse value as time or duration: "soon"\n', exitCode: 1 });
    expect(await cli('container prune -f --filter until', e)).toMatchObject({ stderr: 'invalid argument "until" for "--filter" flag: bad format of filter (expected name=value)\nSee \'docker container prune --help\'.\n', exitCode: 125 });
    expect(await names(e)).toEqual(['c1']);
  });

  it('network prune and image prune take the same filters', async () => {
    const e = await session(['network create old-net', 'advance 7200', 'network create --label team=a new-net']);
    expect((await cli('network prune -f --filter until=1h', e)).stdout).toBe('Deleted Networks:\nold-net\n\n');
    expect((await cli('network prune -f --filter label=team=b', e)).stdout).toBe('');
    expect((await cli('network prune -f --filter label=team=a', e)).stdout).toBe('Deleted Networks:\nnew-net\n\n');
    const i = await session(['pull -q alpine']);
    // alpine was built long before the session: until=1h matches it, a far-past timestamp does not
    expect((await cli('image prune -a -f --filter until=946684800', i)).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await cli('image prune -a -f --filter until=1h', i)).stdout).toContain('untagged: alpine:latest\n');
  });
});

describe('docker ps --filter volume=', () => {
  it('matches a mount by volume name, bind source or destination', async () => {
    const e = await session(['pull -q nginx', 'volume create data', 'run -d --name va -v data:/data nginx', 'run -d --name vb -v /srv:/srv nginx', 'run -d --name vc nginx']);
    const ps = (v: string) => names(e, `ps --filter volume=${v} --format {{.Names}}`);
    expect(await ps('data')).toEqual(['va']);
    expect(await ps('/data')).toEqual(['va']);
    expect(await ps('/srv')).toEqual(['vb']);
    expect(await ps('nope')).toEqual([]);
  });
});
