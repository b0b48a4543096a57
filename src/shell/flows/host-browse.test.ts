// /var/lib/docker and /sys/fs/cgroup on the host hold what `docker inspect` and `docker info` name.
import { describe, expect, it } from 'vitest';
import { lineSession } from '../test-support';

describe('/var/lib/docker', () => {
  it("has dockerd's modes: the root 0710, volumes 0701, image, plugins, swarm and tmp root's alone", async () => {
    const { line } = lineSession();
    const [out] = await line('ls -l /var/lib/docker; ls -ld /var/lib/docker');
    expect(out.replace(/ Nov 23 09:00 /g, ' T ')).toBe(
      'total 44\ndrwx--x--x 3 root root 4096 T buildkit\ndrwx--x--- 2 root root 4096 T containers\n-rw------- 1 root root   37 T engine-id\n' +
        'drwx------ 3 root root 4096 T image\ndrwxr-x--- 3 root root 4096 T network\ndrwx--x--- 3 root root 4096 T overlay2\n' +
        'drwx------ 3 root root 4096 T plugins\ndrwx------ 2 root root 4096 T runtimes\ndrwx------ 2 root root 4096 T swarm\n' +
        'drwx------ 2 root root 4096 T tmp\ndrwx-----x 2 root root 4096 T volumes\ndrwx--x--- 12 root root 4096 T /var/lib/docker\n',
    );
  });

  it("has the daemon's top-level folders; a volume's _data holds what a container wrote there", async () => {
    const { line } = lineSession();
    expect(await line('ls -1 /var/lib/docker')).toEqual(['buildkit\ncontainers\nengine-id\nimage\nnetwork\noverlay2\nplugins\nruntimes\nswarm\ntmp\nvolumes\n', '', 0]);
    await line('docker volume create data');
    await line('docker run -d --name web -v data:/data -m 256m nginx 2>/dev/null');
    await line('docker exec web sh -c "echo hi > /data/x; touch /etc/y"');
    expect(await line('docker volume inspect -f "{{.Mountpoint}}" data')).toEqual(['/var/lib/docker/volumes/data/_data\n', '', 0]);
    expect(await line('ls /var/lib/docker/volumes; cat /var/lib/docker/volumes/data/_data/x')).toEqual(['backingFsBlockDev  data  metadata.db\nhi\n', '', 0]);
  });

  it("a container's overlay2 folder: diff is its writable layer (docker diff), merged exists while it runs", async () => {
    const { s, line } = lineSession();
    await line('docker run -d --name web nginx 2>/dev/null');
    await line('docker exec web touch /etc/y');
    const upper = (await line('docker inspect -f "{{.GraphDriver.Data.UpperDir}}" web'))[0].trim();
    expect(upper).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(await line(`ls ${upper}/etc`)).toEqual(['nginx  y\n', '', 0]);
    const folder = upper.replace(/\/diff$/, '');
    expect(await line(`ls ${folder}`)).toEqual(['diff  link  lower  merged  work\n', '', 0]);
    expect(await line(`ls ${folder}-init/diff -A`)).toEqual(['.dockerenv  etc\n', '', 0]);
    const id = s.engine.container.get('web').id;
    expect(await line(`ls /var/lib/docker/containers/${id}`)).toEqual([`${id}-json.log\ncheckpoints\nconfig.v2.json\nhostconfig.json\nhostname\nmounts\n`, '', 0]);
    await line('docker stop web');
    expect(await line(`ls ${folder}`)).toEqual(['diff  link  lower  work\n', '', 0]);
    await line('docker rm web');
    expect(await line(`ls ${folder}; ls /var/lib/docker/containers | wc -l`)).toEqual(['0\n', `ls: cannot access '${folder}': No such file or directory\n`, 0]);
  });

  it("an image's layers: UpperDir and LowerDir of docker image inspect are folders with the layer's files", async () => {
    const { line } = lineSession();
    await line('docker pull -q busybox');
    const upper = (await line('docker image inspect -f "{{.GraphDriver.Data.UpperDir}}" busybox'))[0].trim();
    expect(await line(`ls ${upper} | head -3`)).toEqual(['bin\ndev\netc\n', '', 0]);
    const chain = (await line('docker image inspect -f "{{index .RootFS.Layers 0}}" busybox'))[0].trim().replace('sha256:', '');
    expect(await line(`cat /var/lib/docker/image/overlay2/layerdb/sha256/${chain}/cache-id`)).toEqual([upper.split('/')[5], '', 0]);
  });
});

describe('/sys/fs/cgroup (cgroup v2, as docker info says)', () => {
  it("a running container has a scope with its limits; it goes away when the container stops", async () => {
    const { s, line } = lineSession();
    expect(await line('docker info -f "{{.CgroupVersion}} {{.CgroupDriver}}"; mount | grep cgroup')).toEqual(['2 systemd\ncgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\n', '', 0]);
    await line('docker run -d --name box -m 256m --cpus 0.5 --cpu-shares 512 busybox sleep 1000');
    const c = s.engine.container.get('box');
    const scope = `/sys/fs/cgroup/system.slice/docker-${c.id}.scope`;
    expect(await line(`cat ${scope}/memory.max ${scope}/cpu.max ${scope}/cpu.weight ${scope}/cgroup.procs`)).toEqual([`268435456\n50000 100000\n20\n${c.state.pid}\n`, '', 0]);
    expect(await line(`docker exec box cat /sys/fs/cgroup/memory.max`)).toEqual(['268435456\n', '', 0]);
    await line('docker stop box');
    expect(await line(`ls /sys/fs/cgroup/system.slice`)).toEqual(['containerd.service  docker.service  docker.socket\n', '', 0]);
  });

  it('free and nproc on the host agree with docker info', async () => {
    const { line } = lineSession();
    expect(await line('nproc; docker info -f "{{.NCPU}}"')).toEqual(['1\n1\n', '', 0]);
    const total = (await line("free -b | awk '/Mem:/ {print $2}'"))[0].trim();
    expect(await line('docker info -f "{{.MemTotal}}"')).toEqual([`${total}\n`, '', 0]);
  });
});

describe('on a host without Docker at first', () => {
  it('/var/lib/docker appears with the install and is root-only: the learner lists it with sudo', async () => {
    const { line } = lineSession();
    await line('dockerlings-host bare');
    expect(await line('sudo ls /var/lib/docker')).toEqual(['', "ls: cannot access '/var/lib/docker': No such file or directory\n", 2]);
    for (const l of [
      'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
      'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list',
      'sudo apt-get update -qq',
      'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io',
    ]) await line(l);
    expect(await line('ls /var/lib/docker')).toEqual(['', "ls: cannot open directory '/var/lib/docker': Permission denied\n", 2]);
    expect(await line('ls /var/lib/docker/volumes')).toEqual(['', "ls: cannot access '/var/lib/docker/volumes': Permission denied\n", 2]);
    expect(await line('sudo ls /var/lib/docker')).toEqual(['buildkit    engine-id  network   plugins   swarm  volumes\ncontainers  image      overlay2  runtimes  tmp\n', '', 0]);
  });
});
