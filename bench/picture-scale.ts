// The scale the live picture is measured at: 50 containers on 5 networks, 20 images sharing busybox's layer, a packet.
export const SCALE = [
  'for n in 0 1 2 3 4; do docker network create net$n; done > /dev/null',
  'for i in $(seq 0 49); do docker run -d --name c$i --network net$((i % 5)) busybox sleep 1000; done > /dev/null',
  "for i in $(seq 1 20); do mkdir -p /root/b$i && printf 'FROM busybox\\nRUN echo %s > /f\\n' $i > /root/b$i/Dockerfile && docker build -q -t img$i /root/b$i; done > /dev/null",
  'docker exec c0 ping -c1 -W1 172.19.0.2',
];
