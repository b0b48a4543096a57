// Image commands end to end: tag/rmi records, dangling images, prune, filters, search, save/load, export/import.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps, transcript } from '../transcript';

describe('docker rmi', () => {
  it('container names need two characters (daemon/names/names.go)', async () => {
    const [run] = await steps('docker run --name c hello-world');
    expect(run.output.split('\n').slice(-3).join('\n')).toBe("docker: Error response from daemon: Invalid container name (c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n");
  });

  it('untags one name while others remain; the last tag of a repo takes its digest; then deletes image and layers', async () => {
    const out = normalizeIds(await transcript('docker pull -q busybox\ndocker tag busybox mybox:1\ndocker rmi busybox\ndocker rmi mybox:1'));
    expect(out).toBe(
      [
        '$ docker pull -q busybox',
        'docker.io/library/busybox:latest',
        '$ docker tag busybox mybox:1',
        '$ docker rmi busybox',
        'Untagged: busybox:latest',
        'Untagged: busybox@sha256:<digest>',
        '$ docker rmi mybox:1',
        'Untagged: mybox:1',
        'Deleted: sha256:<digest>',
        'Deleted: sha256:<digest>',
        '',
      ].join('\n'),
    );
  });

  it('refuses an image a container uses (by tag and by ID) unless forced; -f deletes it and the container keeps running on its layers', async () => {
    const all = await steps(
      'docker run --name c1 hello-world >/dev/null\ndocker rmi hello-world\ndocker images -q\ndocker rmi $(docker images -q)\ndocker rmi -f hello-world\ndocker images -a\n' +
        "docker ps -a --format '{{.Image}} {{.Names}}'\ndocker start -a c1 | head -2\ndocker rm c1\ndocker system df --format '{{.Type}} {{.Size}}' | head -1",
    );
    expect(normalizeIds(all[1].output)).toBe('Error response from daemon: conflict: unable to remove repository reference "hello-world" (must force) - container <id12> is using its referenced image <id12>\n');
    expect(normalizeIds(all[3].output)).toBe('Error response from daemon: conflict: unable to delete <id12> (must be forced) - image is being used by stopped container <id12>\n');
    // image_delete.go: the last reference removed, only a child image or a running container keeps a forced image;
    // the stopped container holds its layers (no layer is deleted)
    expect(normalizeIds(all[4].output)).toBe('Untagged: hello-world:latest\nUntagged: hello-world@sha256:<digest>\nDeleted: sha256:<digest>\n');
    expect(normalizeIds(all[5].output)).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    // daemon/list.go refreshImage: a reference that no longer resolves shows the image ID
    expect(normalizeIds(all[6].output)).toBe('<id12> c1\n');
    expect(all[7].output).toBe('\nHello from Docker!\n');
    expect(all[8].output).toBe('c1\n');
    expect(all[9].output).toBe('Images 0B\n');
  });

  it('an image with two tags cannot be deleted by ID without -f', async () => {
    const all = await steps('docker pull -q alpine\ndocker tag alpine a2\nID=$(docker images -q alpine)\ndocker rmi $ID\ndocker rmi -f $ID');
    expect(normalizeIds(all[3].output)).toBe('Error response from daemon: conflict: unable to delete <id12> (must be forced) - image is referenced in multiple repositories\n');
    expect(normalizeIds(all[4].output)).toBe('Untagged: a2:latest\nUntagged: alpine:latest\nUntagged: alpine@sha256:<digest>\nDeleted: sha256:<digest>\nDeleted: sha256:<digest>\n');
  });
});

describe('docker images filters and prune', () => {
  it('filters by reference glob and dangling', async () => {
    const all = await steps("docker pull -q busybox\ndocker pull -q alpine\ndocker tag busybox mybox:1\ndocker images --filter reference='my*' --format '{{.Repository}}:{{.Tag}}'\ndocker images -f dangling=true -q\ndocker images -f bogus=1");
    expect(all[3].stdout).toBe('mybox:1\n');
    expect(all[4].stdout).toBe('');
    expect(all[5].output).toBe("Error response from daemon: invalid filter 'bogus'\n");
  });

  it('image prune -a removes unused images and reports the space', async () => {
    const out = normalizeIds(await transcript('docker pull -q alpine\ndocker image prune -a -f\ndocker image prune -f'));
    expect(out).toBe(
      [
        '$ docker pull -q alpine',
        'docker.io/library/alpine:latest',
        '$ docker image prune -a -f',
        'Deleted Images:',
        'untagged: alpine:latest',
        'untagged: alpine@sha256:<digest>',
        'deleted: sha256:<digest>',
        'deleted: sha256:<digest>',
        '',
        'Total reclaimed space: 7.798MB',
        '$ docker image prune -f',
        'Total reclaimed space: 0B',
        '',
      ].join('\n'),
    );
  });

  it('prune asks first and does nothing on no', async () => {
    const all = await steps('echo n | docker image prune');
    expect(all[0].stdout).toBe('WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] \n');
  });
});

describe('docker search', () => {
  it('lists official image first, truncates descriptions at 45 cells', async () => {
    const [s] = await steps('docker search --limit 3 centos');
    expect(s.stdout).toBe(
      [
        'NAME                      DESCRIPTION                                     STARS     OFFICIAL',
        'centos                    DEPRECATED; The official build of CentOS.       7763      [OK]',
        'ansible/centos7-ansible   Ansible on Centos7                              136       ',
        'consol/centos-xfce-vnc    Centos container with "headless" VNC session…   131       ',
        '',
      ].join('\n'),
    );
  });
});

describe('archives', () => {
  it('save → rmi → load restores the image with the same ID', async () => {
    const all = await steps('docker pull -q busybox\nID=$(docker images -q busybox)\ndocker save -o b.tar busybox\ntar -tf b.tar | grep -c blobs/sha256/.\ndocker rmi busybox >/dev/null\ndocker load -i b.tar\n[ "$(docker images -q busybox)" = "$ID" ] && echo same');
    expect(all[3].stdout).toBe('2\n');
    expect(normalizeIds(all[5].output)).toBe('<id12>: Loading layer [==================================================>]  4.262MB/4.262MB\nLoaded image: busybox:latest\n');
    expect(all[6].stdout).toBe('same\n');
  });

  it('a bare repository name saves every tag of it, one manifest entry per image (image/tarexport/save.go parseNames)', async () => {
    const all = await steps(
      [
        'docker pull -q busybox',
        'docker pull -q hello-world',
        'docker tag busybox busybox:v1',
        'docker tag hello-world busybox:hw',
        'docker save -o b.tar busybox',
        'mkdir x && tar -xf b.tar -C x manifest.json repositories',
        "sed 's/\"Layers\":\\[[^]]*\\]/L/g; s/[0-9a-f]\\{64\\}/<id>/g' x/manifest.json",
        "sed 's/[0-9a-f]\\{64\\}/<id>/g' x/repositories",
        'docker rmi busybox busybox:v1 busybox:hw hello-world >/dev/null',
        'docker load -q -i b.tar',
        'docker save -o l.tar busybox:v1 busybox && tar -xOf l.tar manifest.json | grep -o RepoTags[^]]*',
      ].join('\n'),
    );
    expect(all.slice(4).map((s) => [s.stdout, s.stderr, s.exitCode])).toEqual([
      ['', '', 0],
      ['', '', 0],
      ['[{"Config":"blobs/sha256/<id>","RepoTags":["busybox:hw"],L},{"Config":"blobs/sha256/<id>","RepoTags":["busybox:latest","busybox:v1"],L}]\n', '', 0],
      ['{"busybox":{"hw":"<id>","latest":"<id>","v1":"<id>"}}\n', '', 0],
      ['', '', 0],
      ['Loaded image: busybox:hw\nLoaded image: busybox:latest\nLoaded image: busybox:v1\n', '', 0],
      ['RepoTags":["busybox:v1","busybox:latest"\nRepoTags":["busybox:hw"\n', '', 0],
    ]);
  });

  it("the repositories file maps each tag to the image's top layer, as the last Layers entry of manifest.json names it", async () => {
    const all = await steps(
      [
        'docker pull -q nginx >/dev/null',
        'docker save -o n.tar nginx',
        "top=$(tar -xOf n.tar manifest.json | grep -o 'blobs/sha256/[0-9a-f]*\"\\]' | sed 's#blobs/sha256/##; s#\"]##')",
        'tar -xOf n.tar repositories | sed "s/$top/<top>/"',
        'docker image inspect -f \'{{index .RootFS.Layers 6}}\' nginx | sed "s/sha256:$top/<top>/"',
      ].join('\n'),
    );
    expect(all.slice(3).map((s) => [s.stdout, s.stderr, s.exitCode])).toEqual([
      ['{"nginx":{"latest":"<top>"}}\n', '', 0],
      ['<top>\n', '', 0],
    ]);
  });

  it('export a container and import it as a new image', async () => {
    const all = await steps("docker run --name c1 busybox sh -c 'echo hi > /greeting'\ndocker export c1 > c1.tar\ntar -tf c1.tar | grep -x greeting\ncat c1.tar | docker import - mybox:v1\ndocker run --rm mybox:v1 cat /greeting\ndocker history --format '{{.Comment}}' mybox:v1 2>/dev/null || true");
    expect(all[2].stdout).toBe('greeting\n');
    expect(all[3].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(all[4].stdout).toBe('hi\n');
  });
});
