// The seed tutorial's first networking walkthrough (none, host and bridge networks, docker0 and its veth, bridge inspect)
// as Engine 27 prints it, pinned with only ids normalised.
import { describe, expect, it } from 'vitest';
import { normalizeIds, transcript } from './transcript';

describe('seed tutorial: default networks and the bridge', () => {
  it('none, host and bridge networks; docker0 and the veth; bridge inspect', async () => {
    const script = `docker pull busybox -q
docker network ls
docker run -it --network=none busybox
ip l
exit
docker run -it --network=host busybox
ip l
exit
brctl show
docker run -d --name b1 busybox /bin/sh -c "while true ; do sleep 1 ;done "
brctl show
docker exec -it $(docker ps -q) /bin/sh
ip a
route
exit
docker network inspect bridge
`;
    expect(normalizeIds(await transcript(script))).toBe(`$ docker pull busybox -q
docker.io/library/busybox:latest
$ docker network ls
NETWORK ID     NAME      DRIVER    SCOPE
<id12>   bridge    bridge    local
<id12>   host      host      local
<id12>   none      null      local
$ docker run -it --network=none busybox
/ # ip l
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
/ # exit
$ docker run -it --network=host busybox
/ # ip l
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel qlen 1000
    link/ether 08:00:27:3c:9e:51 brd ff:ff:ff:ff:ff:ff
3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue 
    link/ether 02:42:9c:37:b5:ed brd ff:ff:ff:ff:ff:ff
/ # exit
$ brctl show
bridge name\tbridge id\t\tSTP enabled\tinterfaces
docker0\t\t8000.<id12>\tno\t\t
$ docker run -d --name b1 busybox /bin/sh -c "while true ; do sleep 1 ;done "
<id64>
$ brctl show
bridge name\tbridge id\t\tSTP enabled\tinterfaces
docker0\t\t8000.<id12>\tno\t\tveth168c5a1
$ docker exec -it $(docker ps -q) /bin/sh
/ # ip a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
4: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff
    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
       valid_lft forever preferred_lft forever
/ # route
Kernel IP routing table
Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
default         172.17.0.1      0.0.0.0         UG    0      0        0 eth0
172.17.0.0      *               255.255.0.0     U     0      0        0 eth0
/ # exit
$ docker network inspect bridge
[
    {
        "Name": "bridge",
        "Id": "<id64>",
        "Created": "2026-11-23T08:00:00.709599105Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": null,
            "Config": [
                {
                    "Subnet": "172.17.0.0/16",
                    "Gateway": "172.17.0.1"
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
                "Name": "b1",
                "EndpointID": "<id64>",
                "MacAddress": "02:42:ac:11:00:02",
                "IPv4Address": "172.17.0.2/16",
                "IPv6Address": ""
            }
        },
        "Options": {
            "com.docker.network.bridge.default_bridge": "true",
            "com.docker.network.bridge.enable_icc": "true",
            "com.docker.network.bridge.enable_ip_masquerade": "true",
            "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
            "com.docker.network.bridge.name": "docker0",
            "com.docker.network.driver.mtu": "1500"
        },
        "Labels": {}
    }
]
`);
  }, 30_000);
});
