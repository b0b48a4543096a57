// What a registry:2 container stores under /var/lib/registry: a bind mount on the host, a named or anonymous volume.
import { describe, expect, it } from 'vitest';
import { steps, transcript } from '../transcript';

const V2 = '/docker/registry/v2';
// httpd pushed to localhost:5000 (seed 1): manifest, config (= the image ID) and the six compressed layer blobs
const MANIFEST = '09c6355c367bd891ef7a07147e6c0c3feea83c9893cbcc6f11b79c32faa41022';
const CONFIG = 'f58fa3f7b9918695a5d768b6fd8a8020de76158466ec020dd86208e13d3a5391';
const LAYERS = [
  '33a46074b257a4d1655ba1eb8d2014d8d3e59a3ff0a80b402fbbe609e4b91513',
  '5921100dbd5e6cb3e0a415d9a204b982bacb1a50fa706941bbdab9f17536047e',
  '88d656aa59ce846df5945770d4b8c1c28c3555821560d2dc66f897d96ec46e6b',
  'af68e222986d86d0663c85bde212b6d7f18af21be57d0040ba1547ef7b022021',
  'eada34ca99b58085f2e134625b99c10af6c209217ab1d7bc2d156ad976d7b9ad',
  'fb096d3524fa4f7f104fa6a368ed78e6749422aa25a869ea1273d6bb8c66e60d',
];

/** `find ROOT -type f | sort` of the storage after that push. */
function httpdFiles(root: string): string {
  const blobs = [MANIFEST, CONFIG, ...LAYERS].sort().map((h) => `${root}${V2}/blobs/sha256/${h.slice(0, 2)}/${h}/data`);
  const repo = `${root}${V2}/repositories/worden525/httpd`;
  const links = [...LAYERS, CONFIG].sort().map((h) => `${repo}/_layers/sha256/${h}/link`);
  const manifests = [`${repo}/_manifests/revisions/sha256/${MANIFEST}/link`, `${repo}/_manifests/tags/v1/current/link`, `${repo}/_manifests/tags/v1/index/sha256/${MANIFEST}/link`];
  return [...blobs, ...links, ...manifests].join('\n') + '\n';
}

describe('a registry:2 with -v /srv/registry:/var/lib/registry (the tutorial)', () => {
  it('the push lands in the host directory in the distribution layout, and pulls back after rmi', async () => {
    const out = await transcript(
      [
        'docker pull -q httpd >/dev/null',
        'docker run -d -p 5000:5000 -v /srv/registry:/var/lib/registry --name registry registry:2 >/dev/null 2>&1',
        'docker tag httpd localhost:5000/worden525/httpd:v1',
        'docker push localhost:5000/worden525/httpd:v1',
        'cd /srv/registry/docker/registry/v2/repositories/worden525',
        'pwd',
        'ls',
        'cd httpd/',
        'ls',
        'find /srv/registry -type f | sort',
        'cat _manifests/tags/v1/current/link; echo',
        "docker inspect --format '{{.Id}} {{index .RepoDigests 1}}' localhost:5000/worden525/httpd:v1",
        'docker rmi localhost:5000/worden525/httpd:v1',
        'docker pull localhost:5000/worden525/httpd:v1',
      ].join('\n'),
    );
    const layerIds = ['bc1a8f1c54bc', 'bbc4be22fd8d', '877b2bf55119', '1f09859bfed3', 'e51193a6c061', '9584fccbd049'];
    expect(out).toBe(
      '$ docker pull -q httpd >/dev/null\n' +
        '$ docker run -d -p 5000:5000 -v /srv/registry:/var/lib/registry --name registry registry:2 >/dev/null 2>&1\n' +
        '$ docker tag httpd localhost:5000/worden525/httpd:v1\n' +
        '$ docker push localhost:5000/worden525/httpd:v1\n' +
        'The push refers to repository [localhost:5000/worden525/httpd]\n' +
        layerIds.map((id) => `${id}: Pushed \n`).join('') +
        `v1: digest: sha256:${MANIFEST} size: 1572\n` +
        '$ cd /srv/registry/docker/registry/v2/repositories/worden525\n' +
        '$ pwd\n/srv/registry/docker/registry/v2/repositories/worden525\n' +
        '$ ls\nhttpd\n' +
        '$ cd httpd/\n' +
        '$ ls\n_layers  _manifests  _uploads\n' +
        '$ find /srv/registry -type f | sort\n' +
        httpdFiles('/srv/registry') +
        '$ cat _manifests/tags/v1/current/link; echo\n' +
        `sha256:${MANIFEST}\n` +
        "$ docker inspect --format '{{.Id}} {{index .RepoDigests 1}}' localhost:5000/worden525/httpd:v1\n" +
        `sha256:${CONFIG} localhost:5000/worden525/httpd@sha256:${MANIFEST}\n` +
        '$ docker rmi localhost:5000/worden525/httpd:v1\n' +
        `Untagged: localhost:5000/worden525/httpd:v1\nUntagged: localhost:5000/worden525/httpd@sha256:${MANIFEST}\n` +
        '$ docker pull localhost:5000/worden525/httpd:v1\n' +
        `v1: Pulling from worden525/httpd\nDigest: sha256:${MANIFEST}\nStatus: Downloaded newer image for localhost:5000/worden525/httpd:v1\nlocalhost:5000/worden525/httpd:v1\n`,
    );
  });

  it('the manifest and config blobs hold their JSON (sha256sum = their digest); layer blobs have their compressed size', async () => {
    const all = await steps(
      [
        'docker run -d -p 5000:5000 -v /srv/registry:/var/lib/registry --name registry registry:2 >/dev/null 2>&1',
        'docker pull -q busybox >/dev/null',
        'docker tag busybox localhost:5000/alice/busybox:v1',
        'docker push -q localhost:5000/alice/busybox:v1',
        `cd /srv/registry${V2}/blobs/sha256`,
        'sha256sum a4/*/data 50/*/data',
        'ls -l b9/*/data',
        'cat a4/*/data',
      ].join('\n'),
    );
    const m = 'a459d5afff43347205b860b3a6615085dbb292cb4ed4031fc8f59b854f76b286';
    const cfg = '50d3bbaa792cf92e07ced8c0477a86354d33d2fc1edbef3fd45ed2d009a0b7bc';
    const layer = 'b997114e1eea6945173cc365e321f37c61b6910162d9075dabf75db2ff5b25a1';
    expect(all[5].stdout).toBe(`${m}  a4/${m}/data\n${cfg}  50/${cfg}/data\n`);
    expect(all[6].stdout).toBe(`-rw-r--r-- 1 root root 2152262 Nov 23 09:00 b9/${layer}/data\n`);
    expect(all[7].stdout).toBe(
      `{\n   "schemaVersion": 2,\n   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",\n   "config": {\n      "mediaType": "application/vnd.docker.container.image.v1+json",\n      "size": 818,\n      "digest": "sha256:${cfg}"\n   },\n` +
        `   "layers": [\n      {\n         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",\n         "size": 2152262,\n         "digest": "sha256:${layer}"\n      }\n   ]\n}`,
    );
  });

  it('pushing again changes nothing (mtimes kept); a new tag adds only its own files', async () => {
    const all = await steps(
      [
        'docker run -d -p 5000:5000 -v /srv/registry:/var/lib/registry --name registry registry:2 >/dev/null 2>&1',
        'docker pull -q busybox >/dev/null',
        'docker tag busybox localhost:5000/alice/busybox:v1',
        'docker push -q localhost:5000/alice/busybox:v1',
        'sleep 3600',
        'docker push -q localhost:5000/alice/busybox:v1',
        'docker tag busybox localhost:5000/alice/busybox:v2',
        'docker push -q localhost:5000/alice/busybox:v2',
        `cd /srv/registry${V2}/repositories/alice/busybox/_manifests/tags`,
        'ls -l . v1/current ../../_layers/sha256 ../revisions/sha256',
      ].join('\n'),
    );
    const m = 'a459d5afff43347205b860b3a6615085dbb292cb4ed4031fc8f59b854f76b286';
    expect(all[9].stdout).toBe(
      `.:\ntotal 8\ndrwxr-xr-x 4 root root 4096 Nov 23 09:00 v1\ndrwxr-xr-x 4 root root 4096 Nov 23 10:00 v2\n\n` +
        `../../_layers/sha256:\ntotal 8\ndrwxr-xr-x 2 root root 4096 Nov 23 09:00 50d3bbaa792cf92e07ced8c0477a86354d33d2fc1edbef3fd45ed2d009a0b7bc\ndrwxr-xr-x 2 root root 4096 Nov 23 09:00 b997114e1eea6945173cc365e321f37c61b6910162d9075dabf75db2ff5b25a1\n\n` +
        `../revisions/sha256:\ntotal 4\ndrwxr-xr-x 2 root root 4096 Nov 23 09:00 ${m}\n\n` +
        `v1/current:\ntotal 4\n-rw-r--r-- 1 root root 71 Nov 23 09:00 link\n`,
    );
  });
});

describe('a registry:2 with a named or anonymous volume', () => {
  it('docker exec sees the same tree in the volume; RepoDigests name the pushed manifest; pull after rmi works', async () => {
    const all = await steps(
      [
        'docker pull -q httpd >/dev/null',
        'docker run -d -p 5000:5000 -v regdata:/var/lib/registry --name registry registry:2 >/dev/null 2>&1',
        'docker tag httpd localhost:5000/worden525/httpd:v1',
        'docker rmi httpd >/dev/null',
        'docker push -q localhost:5000/worden525/httpd:v1',
        "docker inspect --format '{{index .RepoDigests 0}}' localhost:5000/worden525/httpd:v1",
        'docker exec registry find /var/lib/registry -type f | sort',
        'docker exec registry ls /var/lib/registry/docker/registry/v2/repositories/worden525/httpd',
        'docker rmi localhost:5000/worden525/httpd:v1 >/dev/null',
        'docker pull -q localhost:5000/worden525/httpd:v1',
        'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" localhost:5000/worden525/httpd',
      ].join('\n'),
    );
    expect(all[5].stdout).toBe(`localhost:5000/worden525/httpd@sha256:${MANIFEST}\n`);
    expect(all[6].stdout).toBe(httpdFiles('/var/lib/registry'));
    expect(all[7].stdout).toBe('_layers\n_manifests\n_uploads\n');
    expect(all[9].stdout).toBe('localhost:5000/worden525/httpd:v1\n');
    expect(all[10].stdout).toBe(`localhost:5000/worden525/httpd:v1 ${CONFIG.slice(0, 12)}\n`);
  });

  it('without -v the image VOLUME is an anonymous volume that gets the files', async () => {
    const all = await steps(
      [
        'docker run -d -p 5000:5000 --name registry registry:2 >/dev/null 2>&1',
        'docker pull -q busybox >/dev/null',
        'docker tag busybox localhost:5000/alice/busybox:v1',
        'docker push -q localhost:5000/alice/busybox:v1',
        `docker exec registry ls /var/lib/registry${V2}/repositories/alice/busybox/_manifests/tags`,
        `docker exec registry cat /var/lib/registry${V2}/repositories/alice/busybox/_manifests/tags/v1/current/link`,
      ].join('\n'),
    );
    expect(all[4].stdout).toBe('v1\n');
    expect(all[5].stdout).toBe('sha256:a459d5afff43347205b860b3a6615085dbb292cb4ed4031fc8f59b854f76b286');
  });
});

describe('one image, two registries', () => {
  it('Docker Hub and localhost:5000 get the same manifest, so the same digest', async () => {
    const all = await steps(
      [
        'docker run -d -p 5000:5000 --name registry registry:2 >/dev/null 2>&1',
        'docker pull -q busybox >/dev/null',
        'docker tag busybox localhost:5000/alice/busybox:v1',
        'docker tag busybox alice/busybox:1.0',
        'echo x | docker login -u alice --password-stdin >/dev/null 2>&1',
        'docker push localhost:5000/alice/busybox:v1',
        'docker push alice/busybox:1.0',
      ].join('\n'),
    );
    const m = 'a459d5afff43347205b860b3a6615085dbb292cb4ed4031fc8f59b854f76b286';
    expect(all[5].output).toBe(`The push refers to repository [localhost:5000/alice/busybox]\nc4641a114984: Pushed \nv1: digest: sha256:${m} size: 527\n`);
    expect(all[6].output).toBe(`The push refers to repository [docker.io/alice/busybox]\nc4641a114984: Mounted from library/busybox \n1.0: digest: sha256:${m} size: 527\n`);
  });
});
