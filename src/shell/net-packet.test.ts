// The network tools tell the engine about the packet they sent (EngineState.lastPacket, which the packet diagram draws).
import { describe, expect, it } from 'vitest';
import { createSession } from './session';

describe('the last packet a tool sent is in the engine state', () => {
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
    expect(s.engine.state.lastPacket).toBeUndefined();
    await s.run('docker exec b1 ping -c 1 172.22.1.34');
    expect(s.engine.state.lastPacket).toMatchObject({ sender: { kind: 'container', name: 'b1' }, dst: '172.22.1.34', verdict: 'dropped', decidedBy: { chain: 'DOCKER-ISOLATION-STAGE-2', num: 1 } });
    await s.run('curl -s 10.0.2.15:8080');
    expect(s.engine.state.lastPacket).toMatchObject({ sender: { kind: 'host' }, dst: '10.0.2.15', dport: 8080, verdict: 'delivered', to: { kind: 'container', name: 'web' } });
    expect(s.engine.state.lastPacket?.steps.some((x) => x.kind === 'nat' && x.text === 'DNAT 10.0.2.15:8080 → 172.17.0.2:80')).toBe(true);
    await s.run('trace b2 172.18.0.2');
    expect(s.engine.state.lastPacket).toMatchObject({ sender: { kind: 'container', name: 'b2' }, dst: '172.18.0.2', verdict: 'dropped' });
    await s.run('docker ps');
    expect(s.engine.state.lastPacket).toMatchObject({ sender: { kind: 'container', name: 'b2' } });
  }, 30_000);
});
