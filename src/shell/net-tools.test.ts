// The host's and containers' network tools end to end: curl to a published nginx, iptables views and edits deciding
// packets (DOCKER-USER), embedded DNS, trace, ping/wget errors — full transcripts with only ids normalised.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { lookup, lowerStack } from '../engine/index';
import { normalizeIds, transcript } from './transcript';

describe('network tools', () => {
  it('curl localhost:8080 returns nginx\'s index.html from the container\'s files', async () => {
    const s = createSession({ seed: 1, headless: true });
    await s.run('docker pull nginx -q');
    await s.run('docker run -d -p 8080:80 --name web nginx');
    const c = s.engine.container.get('web');
    const page = lookup([c.upper, ...lowerStack(s.engine.state, c)], '/usr/share/nginx/html/index.html');
    const r = await s.run('curl localhost:8080');
    expect(page?.type).toBe('file');
    expect(r).toMatchObject({ stdout: page?.type === 'file' ? page.content : '', stderr: '', exitCode: 0 });
    await s.run('docker exec web sh -c "echo hello > /usr/share/nginx/html/index.html"');
    expect((await s.run('curl -s http://127.0.0.1:8080/')).stdout).toBe('hello\n');
  }, 30_000);

  it('ports, iptables, DNS, DOCKER-USER and trace in one session', async () => {
    const script = `docker pull nginx -q
docker pull busybox -q
docker run -d -p 8080:80 --name web nginx
curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080
docker logs web 2>/dev/null
curl localhost:8081
iptables -L FORWARD -n --line-numbers
iptables -t nat -S DOCKER
docker network create app
docker run -d --name db --network app --network-alias database busybox sleep 1000
docker run --rm --network app busybox nslookup database
docker run --rm busybox ping -c 1 db
docker run -d --name c1 busybox sleep 1000
docker run -d --name c2 busybox sleep 1000
iptables -I DOCKER-USER -i docker0 -o docker0 -j DROP
docker exec c1 ping -c 2 -W 1 172.17.0.4
trace
trace c1 172.17.0.4 80/tcp
iptables -D DOCKER-USER 1
DOCKERLINGS_TRACE=1 ping -c 1 172.17.0.4
docker exec c1 wget -qO- web
docker exec c1 wget -qO- 172.17.0.2/nope
ping -c 1 172.17.0.9
`;
    expect(normalizeIds(await transcript(script))).toBe(`$ docker pull nginx -q
docker.io/library/nginx:latest
$ docker pull busybox -q
docker.io/library/busybox:latest
$ docker run -d -p 8080:80 --name web nginx
<id64>
$ curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080
200
$ docker logs web 2>/dev/null
/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
172.17.0.1 - - [23/Nov/2026:09:00:04 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"
$ curl localhost:8081
curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server
$ iptables -L FORWARD -n --line-numbers
Chain FORWARD (policy DROP)
num  target     prot opt source               destination         
1    DOCKER-USER  0    --  0.0.0.0/0            0.0.0.0/0           
2    DOCKER-ISOLATION-STAGE-1  0    --  0.0.0.0/0            0.0.0.0/0           
3    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED
4    DOCKER     0    --  0.0.0.0/0            0.0.0.0/0           
5    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           
6    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           
$ iptables -t nat -S DOCKER
-N DOCKER
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
$ docker network create app
<id64>
$ docker run -d --name db --network app --network-alias database busybox sleep 1000
<id64>
$ docker run --rm --network app busybox nslookup database
Server:\t\t127.0.0.11
Address:\t127.0.0.11:53

Non-authoritative answer:
Name:\tdatabase
Address: 172.18.0.2

*** Can't find database: No answer

$ docker run --rm busybox ping -c 1 db
ping: bad address 'db'
$ docker run -d --name c1 busybox sleep 1000
<id64>
$ docker run -d --name c2 busybox sleep 1000
<id64>
$ iptables -I DOCKER-USER -i docker0 -o docker0 -j DROP
$ docker exec c1 ping -c 2 -W 1 172.17.0.4
PING 172.17.0.4 (172.17.0.4): 56 data bytes

--- 172.17.0.4 ping statistics ---
2 packets transmitted, 0 packets received, 100% packet loss
$ trace
packet: icmp echo 172.17.0.3 → 172.17.0.4
  c1 eth0 (172.17.0.3) → veth69cf1ab → bridge docker0
    filter FORWARD: rule 1 -A FORWARD -j DOCKER-USER → jump to DOCKER-USER
    filter DOCKER-USER: rule 1 -A DOCKER-USER -i docker0 -o docker0 -j DROP → DROP
  dropped by filter DOCKER-USER
verdict: DROPPED (no answer) by filter DOCKER-USER rule 1
$ trace c1 172.17.0.4 80/tcp
packet: tcp 172.17.0.3 → 172.17.0.4:80
  c1 eth0 (172.17.0.3) → veth69cf1ab → bridge docker0
    filter FORWARD: rule 1 -A FORWARD -j DOCKER-USER → jump to DOCKER-USER
    filter DOCKER-USER: rule 1 -A DOCKER-USER -i docker0 -o docker0 -j DROP → DROP
  dropped by filter DOCKER-USER
verdict: DROPPED (no answer) by filter DOCKER-USER rule 1
$ iptables -D DOCKER-USER 1
$ DOCKERLINGS_TRACE=1 ping -c 1 172.17.0.4
PING 172.17.0.4 (172.17.0.4) 56(84) bytes of data.
64 bytes from 172.17.0.4: icmp_seq=1 ttl=64 time=0.061 ms

--- 172.17.0.4 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.061/0.061/0.061/0.000 ms
packet: icmp echo 172.17.0.1 → 172.17.0.4
  host route 172.17.0.0/16 dev docker0
    filter OUTPUT: -P OUTPUT ACCEPT → policy ACCEPT
  docker0 → veth587493f → c2 eth0 (172.17.0.4)
  delivered to c2 (172.17.0.4)
verdict: DELIVERED
$ docker exec c1 wget -qO- web
wget: bad address 'web'
$ docker exec c1 wget -qO- 172.17.0.2/nope
wget: server returned error: HTTP/1.1 404 Not Found
$ ping -c 1 172.17.0.9
PING 172.17.0.9 (172.17.0.9) 56(84) bytes of data.
From 172.17.0.1 icmp_seq=1 Destination Host Unreachable

--- 172.17.0.9 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
`);
  }, 30_000);
});
