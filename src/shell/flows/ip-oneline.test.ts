// `ip -o addr` prints one line per address; a network made with --ip-range gets its gateway, and its containers their
// addresses, from the range (libnetwork's SetAnyInRange over the sub-pool, v27.5.1 libnetwork/ipams/defaultipam).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('ip -o and --ip-range', () => {
  it('one line per address; the range gives the gateway and the first container address', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run --rm busybox ip -o -4 addr',
        'docker network create --ip-range 10.70.0.128/25 --subnet 10.70.0.0/24 ranged >/dev/null',
        "docker run --rm --network ranged busybox ip -o -4 addr show eth0 | awk '{print $4}'",
        "ip -o -4 addr | grep -c 'inet 10.70.0.128/24 brd 10.70.0.255'",
      ].join('\n'),
    );
    expect(all.slice(1).map((s) => s.stdout)).toEqual([
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n4: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever\n',
      '',
      '10.70.0.129/24\n',
      '1\n',
    ]);
  });
});
