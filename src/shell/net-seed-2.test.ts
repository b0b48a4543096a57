// The networking walkthrough of the seed tutorial (my_net, my_net2 with --subnet and --ip, isolation, network
// connect, joined container) as Engine 27 prints it, pinned with only ids normalised.
import { describe, expect, it } from 'vitest';
import { normalizeIds, transcript } from './transcript';

describe('seed tutorial: user-defined bridges', () => {
  it('my_net and my_net2 (--subnet, --gateway, --ip 172.22.1.34)', async () => {
    const script = `docker pull busybox -q
docker network create --driver bridge my_net
docker network ls
brctl show
docker run -d --name c1 --network=my_net busybox /bin/sh -c "while true ; do sleep 1 ;done "
docker exec -it c1 /bin/sh
ip a
route
exit
docker network inspect my_net
docker network create --driver bridge  --subnet 172.22.1.0/24 --gateway 172.22.1.1 my_net2
docker network inspect my_net2
docker run -it --network=my_net2 --ip 172.22.1.34 busybox
ip  a
exit
`;
    expect(normalizeIds(await transcript(script))).toBe(`$ docker pull busybox -q
docker.io/library/busybox:latest
$ docker network create --driver bridge my_net
<id64>
$ docker network ls
NETWORK ID     NAME      DRIVER    SCOPE
<id12>   bridge    bridge    local
<id12>   host      host      local
<id12>   my_net    bridge    local
<id12>   none      null      local
$ brctl show
bridge name\tbridge id\t\tSTP enabled\tinterfaces
br-<id12>\t\t8000.<id12>\tno\t\t
docker0\t\t8000.<id12>\tno\t\t
$ docker run -d --name c1 --network=my_net busybox /bin/sh -c "while true ; do sleep 1 ;done "
<id64>
$ docker exec -it c1 /bin/sh
/ # ip a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
5: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff
    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0
       valid_lft forever preferred_lft forever
/ # route
Kernel IP routing table
Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
default         172.18.0.1      0.0.0.0         UG    0      0        0 eth0
172.18.0.0      *               255.255.0.0     U     0      0        0 eth0
/ # exit
$ docker network inspect my_net
[
    {
        "Name": "my_net",
        "Id": "<id64>",
        "Created": "2026-11-23T09:00:02.255601871Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "172.18.0.0/16",
                    "Gateway": "172.18.0.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {
            "<id64>": {
                "Name": "c1",
                "EndpointID": "<id64>",
                "MacAddress": "02:42:ac:12:00:02",
                "IPv4Address": "172.18.0.2/16",
                "IPv6Address": ""
            }
        },
        "Options": {},
        "Labels": {}
    }
]
$ docker network create --driver bridge  --subnet 172.22.1.0/24 --gateway 172.22.1.1 my_net2
<id64>
$ docker network inspect my_net2
[
    {
        "Name": "my_net2",
        "Id": "<id64>",
        "Created": "2026-11-23T09:00:11.267745336Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "172.22.1.0/24",
                    "Gateway": "172.22.1.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {},
        "Options": {},
        "Labels": {}
    }
]
$ docker run -it --network=my_net2 --ip 172.22.1.34 busybox
/ # ip  a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
8: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:16:01:22 brd ff:ff:ff:ff:ff:ff
    inet 172.22.1.34/24 brd 172.22.1.255 scope global eth0
       valid_lft forever preferred_lft forever
/ # exit
`);
  }, 30_000);
  it('isolation between bridges until network connect; a joined container reaches httpd on 127.0.0.1', async () => {
    const script = `docker pull busybox -q
docker pull httpd -q
docker network create --driver bridge my_net
docker network create --driver bridge  --subnet 172.22.1.0/24 --gateway 172.22.1.1 my_net2
ip r
sysctl -a 2>/dev/zero |  grep net.ipv4.ip_forward
iptables-save |grep DOCKER-ISOLATION
docker run -d --name busybox_1 --network=my_net busybox /bin/sh -c "while true ; do sleep 1 ;done "
docker run -d --name busybox_2 --network=my_net2 --ip 172.22.1.34  busybox /bin/sh -c "while true ; do sleep 1 ;done "
docker exec -it busybox_1 /bin/sh
ip a
ping 172.22.1.34
exit
docker network connect my_net2 busybox_1
docker exec -it busybox_1 /bin/sh
ip a
ping -c 3 172.22.1.34
exit
docker run -d -it --name=web1 httpd
docker run -it --network=container:web1 busybox
wget http://127.0.0.1/
exit
`;
    expect(normalizeIds(await transcript(script))).toBe(`$ docker pull busybox -q
docker.io/library/busybox:latest
$ docker pull httpd -q
docker.io/library/httpd:latest
$ docker network create --driver bridge my_net
<id64>
$ docker network create --driver bridge  --subnet 172.22.1.0/24 --gateway 172.22.1.1 my_net2
<id64>
$ ip r
default via 10.0.2.2 dev eth0 proto static 
10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 
172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown 
172.18.0.0/16 dev br-<id12> proto kernel scope link src 172.18.0.1 linkdown 
172.22.1.0/24 dev br-<id12> proto kernel scope link src 172.22.1.1 linkdown 
$ sysctl -a 2>/dev/zero |  grep net.ipv4.ip_forward
net.ipv4.ip_forward = 1
net.ipv4.ip_forward_update_priority = 1
net.ipv4.ip_forward_use_pmtu = 0
$ iptables-save |grep DOCKER-ISOLATION
:DOCKER-ISOLATION-STAGE-1 - [0:0]
:DOCKER-ISOLATION-STAGE-2 - [0:0]
-A FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-ISOLATION-STAGE-1 -i br-<id12> ! -o br-<id12> -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -i br-<id12> ! -o br-<id12> -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -j RETURN
-A DOCKER-ISOLATION-STAGE-2 -o br-<id12> -j DROP
-A DOCKER-ISOLATION-STAGE-2 -o br-<id12> -j DROP
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -j RETURN
$ docker run -d --name busybox_1 --network=my_net busybox /bin/sh -c "while true ; do sleep 1 ;done "
<id64>
$ docker run -d --name busybox_2 --network=my_net2 --ip 172.22.1.34  busybox /bin/sh -c "while true ; do sleep 1 ;done "
<id64>
$ docker exec -it busybox_1 /bin/sh
/ # ip a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff
    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0
       valid_lft forever preferred_lft forever
/ # ping 172.22.1.34
PING 172.22.1.34 (172.22.1.34): 56 data bytes
^C
--- 172.22.1.34 ping statistics ---
4 packets transmitted, 0 packets received, 100% packet loss
/ # exit
$ docker network connect my_net2 busybox_1
$ docker exec -it busybox_1 /bin/sh
/ # ip a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff
    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0
       valid_lft forever preferred_lft forever
10: eth1@if11: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:16:01:02 brd ff:ff:ff:ff:ff:ff
    inet 172.22.1.2/24 brd 172.22.1.255 scope global eth1
       valid_lft forever preferred_lft forever
/ # ping -c 3 172.22.1.34
PING 172.22.1.34 (172.22.1.34): 56 data bytes
64 bytes from 172.22.1.34: seq=0 ttl=64 time=0.106 ms
64 bytes from 172.22.1.34: seq=1 ttl=64 time=0.106 ms
64 bytes from 172.22.1.34: seq=2 ttl=64 time=0.089 ms

--- 172.22.1.34 ping statistics ---
3 packets transmitted, 3 packets received, 0% packet loss
round-trip min/avg/max = 0.089/0.100/0.106 ms
/ # exit
$ docker run -d -it --name=web1 httpd
<id64>
$ docker run -it --network=container:web1 busybox
/ # wget http://127.0.0.1/
Connecting to 127.0.0.1 (127.0.0.1:80)
saving to 'index.html'
index.html           100% |*******************************|    45  0:00:00 ETA
'index.html' saved
/ # exit
`);
  }, 30_000);
});
