// The network tools' last packet (which the packet diagram draws) is kept by the session step by step, not in the engine state.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { engineWith, startSleeper } from '../engine/test-support';
import { tracePacket } from '../engine/index';
import { lastPackets, notePacket, sealPacket } from './net-util';

describe('the last packet a tool sent, per step', () => {
  it('a tool sending the same packet again within one step keeps one record; after the step ends, it is a new one', () => {
    const e = engineWith(1, 'busybox');
    const id = startSleeper(e, 'aa');
    const ping = () => notePacket(e, tracePacket(e.state, { kind: 'container', id }, '172.17.0.1', 'icmp'));
    ping();
    const first = lastPackets.get(e);
    ping();
    expect(lastPackets.get(e)).toBe(first);
    sealPacket(e);
    ping();
    expect([lastPackets.get(e) === first, lastPackets.get(e)]).toEqual([false, first]);
  });

  it('ping, curl and trace record their packet; a command without traffic leaves it alone', async () => {
    const s = createSession({ seed: 1, headless: true });
    for (const line of [
      'docker pull busybox -q',
      'docker pull nginx -q',
      'docker network create my_net',
      'docker network create --subnet 172.22.1.0/24 my_net2',
      'docker run -d --name b1 --network=my_net busybox sleep 1000',
      'docker run -d --name b2 --network=my_net2 --ip 172.22.1.34 busybox sleep 1000',
      'docker run -d --name web -p 8080:80 nginx',
    ])
      await s.run(line);
    const last = () => s.packetAfter(s.stepCount() - 1);
    expect(last()).toBeUndefined();
    await s.run('docker exec b1 ping -c 1 172.22.1.34');
    expect(last()).toMatchObject({ sender: { kind: 'container', name: 'b1' }, dst: '172.22.1.34', verdict: 'dropped', decidedBy: { chain: 'DOCKER-ISOLATION-STAGE-2', num: 1 } });
    await s.run('curl -s 10.0.2.15:8080');
    expect(last()).toMatchObject({ sender: { kind: 'host' }, dst: '10.0.2.15', dport: 8080, verdict: 'delivered', to: { kind: 'container', name: 'web' } });
    expect(last()?.steps.some((x) => x.kind === 'nat' && x.text === 'DNAT 10.0.2.15:8080 → 172.17.0.2:80')).toBe(true);
    await s.run('trace b2 172.18.0.2');
    expect(last()).toMatchObject({ sender: { kind: 'container', name: 'b2' }, dst: '172.18.0.2', verdict: 'dropped' });
    const traced = last();
    await s.run('docker ps');
    expect(last()).toBe(traced);
    // the same packet sent again by a later command is a new record (the picture plays it again); another packet
    // replaces it
    await s.run('trace b2 172.18.0.2');
    const again = last();
    expect([again === traced, again]).toEqual([false, traced]);
    await s.run('trace b1 172.22.1.34');
    expect(last()).toMatchObject({ sender: { kind: 'container', name: 'b1' }, dst: '172.22.1.34' });
    // each step's packet stays as it was, and the engine state carries none
    const n = s.stepCount();
    expect(s.packetAfter(n - 4)).toBe(traced);
    expect(s.packetAfter(n - 2)).toBe(again);
    expect(s.packetAfter(n - 5)).toMatchObject({ dst: '10.0.2.15', dport: 8080 });
    expect(s.packetAfter(-1)).toBeUndefined();
    expect(Object.keys(s.engine.state)).not.toContain('lastPacket');
  }, 30_000);

  it('a session branched from a checkpoint has the packets of the steps before it', async () => {
    const s = createSession({ seed: 1, headless: true });
    await s.run('docker pull busybox -q');
    await s.run('docker run -d --name b1 busybox sleep 1000');
    await s.run('docker exec b1 ping -c 1 172.17.0.1');
    const cp = await s.checkpoint();
    const b = createSession({ seed: 1, headless: true, from: cp });
    expect(b.packetAfter(2)).toBe(s.packetAfter(2));
    expect(b.packetAfter(2)).toMatchObject({ sender: { kind: 'container', name: 'b1' }, dst: '172.17.0.1', verdict: 'delivered' });
    await b.run('docker ps');
    expect(b.packetAfter(3)).toBe(s.packetAfter(2));
  }, 30_000);
});
