// iptables counts the packets its rules see: pings dropped in DOCKER-USER show in `iptables -L -v` (as recorded on
// Engine 20.10 with iptables-nft), and -Z zeroes them.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('iptables packet counters', () => {
  it('a dropped ping counts in the DROP rule and in the FORWARD jump that led there; -Z zeroes a chain', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker network create n1 >/dev/null',
        'docker run -d --name ca --network n1 busybox sleep 1000 >/dev/null',
        'docker run -d --name cb busybox sleep 1000 >/dev/null',
        'iptables -I DOCKER-USER -s 172.18.0.0/16 -d 172.17.0.0/16 -j DROP',
        "docker exec ca ping -c 2 -W 1 $(docker inspect -f '{{.NetworkSettings.IPAddress}}' cb) | tail -1",
        'iptables -L DOCKER-USER -v -n',
        'iptables -L FORWARD -v -n | head -3',
        'iptables -Z DOCKER-USER',
        'iptables -L DOCKER-USER -v -n | tail -2',
        'iptables -L FORWARD -v -n | sed -n 3p',
      ].join('\n'),
    );
    const head = ' pkts bytes target     prot opt in     out     source               destination         \n';
    expect(s.slice(5).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['2 packets transmitted, 0 packets received, 100% packet loss\n', '', 0],
      [`Chain DOCKER-USER (1 references)\n${head}    2   168 DROP       0    --  *      *       172.18.0.0/16        172.17.0.0/16       \n    0     0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n`, '', 0],
      [`Chain FORWARD (policy DROP 0 packets, 0 bytes)\n${head}    2   168 DOCKER-USER  0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n`, '', 0],
      ['', '', 0],
      ['    0     0 DROP       0    --  *      *       172.18.0.0/16        172.17.0.0/16       \n    0     0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n', '', 0],
      ['    2   168 DOCKER-USER  0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n', '', 0],
    ]);
  });

  it('packets a chain policy drops count in its header and in iptables-save, stay when the policy changes, and -Z zeroes them', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run -d --name ca busybox sleep 1000 >/dev/null',
        'docker network create n1 >/dev/null',
        'docker run -d --name cb --network n1 busybox sleep 1000 >/dev/null',
        'iptables -F FORWARD',
        "docker exec cb ping -c 3 -W 1 $(docker inspect -f '{{.NetworkSettings.IPAddress}}' ca) | tail -1",
        'iptables -L FORWARD -v -n',
        'iptables -P FORWARD ACCEPT',
        'iptables -L FORWARD -v -x -n | head -1',
        'iptables-save -t filter | sed -n 3,5p',
        'iptables -A FORWARD -j DOCKER-USER',
        'iptables-save -c -t filter | grep FORWARD',
        'iptables -Z FORWARD',
        'iptables -L FORWARD -v -n | head -1',
      ].join('\n'),
    );
    expect(s.slice(5).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['3 packets transmitted, 0 packets received, 100% packet loss\n', '', 0],
      ['Chain FORWARD (policy DROP 3 packets, 252 bytes)\n pkts bytes target     prot opt in     out     source               destination         \n', '', 0],
      ['', '', 0],
      ['Chain FORWARD (policy ACCEPT 3 packets, 252 bytes)\n', '', 0],
      [':INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [3:252]\n:OUTPUT ACCEPT [0:0]\n', '', 0],
      ['', '', 0],
      [':FORWARD ACCEPT [3:252]\n[0:0] -A FORWARD -j DOCKER-USER\n', '', 0],
      ['', '', 0],
      ['Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n', '', 0],
    ]);
  });
});
