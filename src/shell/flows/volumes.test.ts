// Transcripts: named and anonymous volumes, bind mounts of host dirs and files, read-only mounts, tmpfs, diff.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { normalizeIds, steps, transcript } from '../transcript';

const run = async (script: string) => normalizeIds(await transcript(script));

describe('named volumes', () => {
  it('nginx content copied into a new volume, edited from a shell, kept after the container is gone', async () => {
    const out = await run(`docker pull -q nginx:alpine
docker pull -q ubuntu
docker volume create my-vol
docker run -d --name web --mount source=my-vol,target=/usr/share/nginx/html nginx:alpine
docker exec web ls /usr/share/nginx/html
docker exec -it web sh
echo '<h1>mine</h1>' > /usr/share/nginx/html/index.html
exit
docker volume rm my-vol
docker rm -f web
docker run --rm -v my-vol:/site ubuntu cat /site/index.html
docker volume rm my-vol
docker volume ls`);
    expect(out.slice(out.indexOf('$ docker volume create'))).toBe(`$ docker volume create my-vol
my-vol
$ docker run -d --name web --mount source=my-vol,target=/usr/share/nginx/html nginx:alpine
<id64>
$ docker exec web ls /usr/share/nginx/html
50x.html
index.html
$ docker exec -it web sh
/ # echo '<h1>mine</h1>' > /usr/share/nginx/html/index.html
/ # exit
$ docker volume rm my-vol
Error response from daemon: remove my-vol: volume is in use - [<id64>]
$ docker rm -f web
web
$ docker run --rm -v my-vol:/site ubuntu cat /site/index.html
<h1>mine</h1>
$ docker volume rm my-vol
my-vol
$ docker volume ls
DRIVER    VOLUME NAME
`);
  });

  it('-v name:/path on nginx shows the welcome page from the new volume, and inspect lists the mount', async () => {
    const [, exec, insp] = await steps(`docker run -d --name site -v site-data:/usr/share/nginx/html nginx
docker exec site cat /usr/share/nginx/html/index.html
docker inspect -f '{{json .Mounts}}' site`);
    expect(exec.stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect(insp.stdout).toBe('[{"Type":"volume","Name":"site-data","Source":"/var/lib/docker/volumes/site-data/_data","Destination":"/usr/share/nginx/html","Driver":"local","Mode":"z","RW":true,"Propagation":""}]\n');
  });

  it('docker diff lists the new mount point but not what was written into the volume', async () => {
    const out = await run(`docker pull -q ubuntu
docker run --name writer -v data:/data ubuntu sh -c 'echo 1 > /data/f; echo 2 > /root/g'
docker diff writer
docker run --rm -v data:/data ubuntu cat /data/f`);
    expect(out).toContain(`$ docker diff writer
A /data
C /root
A /root/g
$ docker run --rm -v data:/data ubuntu cat /data/f
1
`);
  });
});

describe('anonymous volumes', () => {
  it('redis gets one for /data; rm keeps it, rm -v and --rm remove it, prune takes the leftovers', async () => {
    const s = createSession({ seed: 1, headless: true });
    await s.run('docker pull -q redis >/dev/null');
    await s.run('docker run -d --name c1 redis');
    await s.run('docker run -d --name c2 redis');
    const [v1, v2] = ['c1', 'c2'].map((n) => s.engine.container.get(n).mounts[0].name);
    expect((await s.run('docker volume ls -q')).stdout.split('\n').sort()).toEqual(['', v1, v2].sort());
    await s.run('docker rm -f c1');
    await s.run('docker rm -f -v c2');
    expect(Object.keys(s.engine.state.volumes)).toEqual([v1]);
    await s.run('docker run --rm -v /scratch redis true');
    expect(Object.keys(s.engine.state.volumes)).toEqual([v1]);
    const prune = await s.run('echo y | docker volume prune');
    expect(prune.stdout).toBe(`WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Volumes:\n${v1}\n\nTotal reclaimed space: 0B\n`);
    expect(s.engine.state.volumes).toEqual({});
  });
});

describe('bind mounts', () => {
  it('a host directory: the container reads it and its writes show up on the host', async () => {
    const out = await run(`mkdir -p src && echo hi > src/a.txt && docker run --rm -v $(pwd)/src:/opt/webapp ubuntu cat /opt/webapp/a.txt
docker run --rm --mount type=bind,source=$(pwd)/src,target=/opt/webapp ubuntu sh -c 'echo from-container > /opt/webapp/b.txt'
cat src/b.txt
docker run --rm -v ./src:/app ubuntu ls /app`);
    expect(out.slice(out.indexOf('hi\n'))).toBe(`hi
$ docker run --rm --mount type=bind,source=$(pwd)/src,target=/opt/webapp ubuntu sh -c 'echo from-container > /opt/webapp/b.txt'
$ cat src/b.txt
from-container
$ docker run --rm -v ./src:/app ubuntu ls /app
a.txt
b.txt
`);
  });

  it('a missing source: -v creates the host directory, --mount is an error', async () => {
    const [v, ls, m] = await steps(`docker run --rm -v /srv/new:/x ubuntu true
ls -d /srv/new
docker run --rm --mount type=bind,source=/src/webapp,target=/usr/share/nginx/html nginx`);
    expect(v.exitCode).toBe(0);
    expect(ls.stdout).toBe('/srv/new\n');
    expect(m.stderr).toBe('docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /src/webapp.\nSee \'docker run --help\'.\n');
    expect(m.exitCode).toBe(125);
  });

  it('a single host file ($HOME/.bash_history) is shared both ways', async () => {
    const [, , cat] = await steps(`echo ls > $HOME/.bash_history
docker run --rm --mount type=bind,source=$HOME/.bash_history,target=/root/.bash_history ubuntu sh -c 'echo pwd >> /root/.bash_history'
cat ~/.bash_history`);
    expect(cat.stdout).toBe('ls\npwd\n');
  });
});

describe('read-only mounts and tmpfs', () => {
  it(':ro and readonly refuse writes with the kernel error; --read-only still lets volumes be written', async () => {
    const all = await steps(`docker pull -q ubuntu
mkdir -p site
docker run --rm -v $(pwd)/site:/usr/share/nginx/html:ro ubuntu touch /usr/share/nginx/html/new.txt
docker run --rm --mount type=bind,source=$(pwd)/site,target=/site,readonly ubuntu sh -c 'echo x > /site/x'
docker run --rm --read-only -v data:/data ubuntu sh -c 'echo ok > /data/ok && cat /data/ok && touch /etc/x'
ls site`);
    expect(all[2]).toMatchObject({ stderr: "touch: cannot touch '/usr/share/nginx/html/new.txt': Read-only file system\n", exitCode: 1 });
    expect(all[3]).toMatchObject({ stderr: 'sh: 1: cannot create /site/x: Read-only file system\n', exitCode: 2 });
    expect(all[4]).toMatchObject({ stdout: 'ok\n', stderr: "touch: cannot touch '/etc/x': Read-only file system\n", exitCode: 1 });
    expect(all[5].stdout).toBe('');
  });

  it('--tmpfs content lives while the container runs and is gone after a restart', async () => {
    const s = createSession({ seed: 1, headless: true });
    await s.run('docker run -d --name tm --tmpfs /cache ubuntu sleep 1000 >/dev/null 2>&1');
    await s.run("docker exec tm sh -c 'echo hot > /cache/x'");
    expect((await s.run('docker exec tm cat /cache/x')).stdout).toBe('hot\n');
    expect(s.engine.container.get('tm').upper['/cache/x']).toBeUndefined();
    await s.run('docker restart tm');
    expect((await s.run('docker exec tm cat /cache/x')).stderr).toBe('cat: /cache/x: No such file or directory\n');
    expect((await s.run("docker inspect -f '{{json .Mounts}} {{json .HostConfig.Tmpfs}}' tm")).stdout).toBe('[] {"/cache":""}\n');
  });
});
