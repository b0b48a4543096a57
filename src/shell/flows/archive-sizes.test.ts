// docker export and docker save, to -o or through the shell's redirect, write archives as big as the real ones: stand-in binaries count with their
// apparent sizes, and an archive is never smaller than the content it holds (the image, the container's changes).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('archive sizes on disk', () => {
  it('export and save are at least the image size, in whole 512-byte tar blocks, and still load', async () => {
    const s = await steps(
      [
        'docker pull -q ubuntu >/dev/null',
        'docker create --name c2 ubuntu >/dev/null',
        'docker export -o c2.tar c2',
        'docker save -o u.tar ubuntu',
        "docker image inspect -f '{{.Size}}' ubuntu",
        'stat -c %s c2.tar u.tar',
        'docker rmi -f ubuntu >/dev/null; docker load -q -i u.tar',
        'docker import c2.tar flat >/dev/null && echo imported',
      ].join('\n'),
    );
    const image = Number(s[4].stdout.trim());
    const [exported, saved] = s[5].stdout.trim().split('\n').map(Number);
    expect(image).toBeGreaterThan(70_000_000);
    for (const n of [exported, saved]) {
      expect(n).toBeGreaterThanOrEqual(image);
      expect(n).toBeLessThan(image * 1.1);
      expect(n % 512).toBe(0);
    }
    expect(s[6].stdout).toBe('Loaded image: ubuntu:latest\n');
    expect(s[7].stdout).toBe('imported\n');
  });

  it("redirected from STDOUT (docker export c > f.tar, the seed's way) the file is as big as with -o, and still loads", async () => {
    const s = await steps(
      [
        'docker pull -q ubuntu >/dev/null',
        'docker create --name c3 ubuntu >/dev/null',
        'docker export -o o.tar c3',
        'docker export c3 > r.tar',
        'docker save ubuntu > s.tar',
        'stat -c %s o.tar r.tar s.tar',
        'echo small > r.tar; stat -c %s r.tar',
        'docker rmi -f ubuntu >/dev/null; docker load < s.tar',
      ].join('\n'),
    );
    const [byOption, byRedirect, saved] = s[5].stdout.trim().split('\n').map(Number);
    expect(byRedirect).toBe(byOption);
    expect(saved).toBeGreaterThan(70_000_000);
    // the size belongs to what docker wrote: rewriting the file gives it its real size again
    expect(s[6].stdout).toBe('6\n');
    expect(s[7].stdout).toBe('Loaded image: ubuntu:latest\n');
  });
});
