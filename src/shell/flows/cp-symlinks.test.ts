// docker cp from the host into a container: links inside a folder travel as links (archive.TarResource), a link given
// as the source is copied as the link, and -L follows only that source link (CopyInfoSourcePath, filepath.EvalSymlinks).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('docker cp keeps symlinks', () => {
  it('a host folder with links, a link to it, and -L on that link', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run -d --name bb busybox sleep 1000 >/dev/null',
        'mkdir -p site/sub && echo hi > site/a.txt && ln -s a.txt site/link && ln -s /etc/hostname site/abs && ln -s sub site/dirlink && ln -s nowhere site/dangling',
        'ln -s site sitelink; ln -s site/a.txt alink',
        'docker cp -q site bb:/site',
        "docker exec bb sh -c 'cd /site && for f in *; do if [ -L $f ]; then echo \"$f -> $(readlink $f)\"; else echo $f; fi; done'",
        'docker cp -q sitelink bb:/x',
        'docker exec bb readlink /x',
        'docker cp -q -L sitelink bb:/y',
        'docker exec bb sh -c "readlink /y/link; readlink /y/dirlink; cat /y/a.txt"',
        'docker cp -q -L alink bb:/tmp/',
        'docker exec bb sh -c "test -L /tmp/alink || cat /tmp/alink"',
      ].join('\n'),
    );
    expect(s.slice(4).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['', '', 0],
      ['a.txt\nabs -> /etc/hostname\ndangling -> nowhere\ndirlink -> sub\nlink -> a.txt\nsub\n', '', 0],
      ['', '', 0],
      ['site\n', '', 0],
      ['', '', 0],
      ['a.txt\nsub\nhi\n', '', 0],
      ['', '', 0],
      ['hi\n', '', 0],
    ]);
  });
});
