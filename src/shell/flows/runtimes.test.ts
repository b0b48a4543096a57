// node, python and golang images: version flags answer like the real runtimes, other code says it is not simulated, shells work.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('language images', () => {
  it('node, python and go print their versions; node and python share buildpack-deps layers', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    const py = await s.run('docker pull python');
    // python:latest reuses the bookworm-slim base and the three buildpack-deps layers node:latest brought
    expect(py.stdout.match(/: Already exists\n/g)).toHaveLength(4);
    expect((await s.run('docker run --rm node node --version')).stdout).toBe('v22.12.0\n');
    expect((await s.run('docker run --rm node:20 --version')).stdout).toBe('v20.18.1\n'); // a flag: the entrypoint prepends node
    expect((await s.run('docker run --rm node:alpine node -v')).stdout).toBe('v22.12.0\n');
    expect((await s.run('docker run --rm python python3 --version')).stdout).toBe('Python 3.13.1\n');
    expect((await s.run('docker run --rm python:3.12 python --version')).stdout).toBe('Python 3.12.8\n');
    expect((await s.run('docker run --rm python:alpine python3 -V')).stdout).toBe('Python 3.13.1\n');
    expect((await s.run('docker run --rm golang go version')).stdout).toBe('go version go1.23.4 linux/amd64\n');
  });

  it('a shell in the image works; go code says plainly that it is not simulated', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q node');
    expect((await s.run('docker run --rm node bash -c "echo hi; ls /usr/local/bin"')).stdout).toBe('hi\ndocker-entrypoint.sh\nnode\nnodejs\nnpm\nnpx\nyarn\n');
    expect((await s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).stdout).toBe('node:latest 1.12GB\n');
    await s.run('docker pull -q golang');
    const go = await s.run('docker run --rm golang go run main.go');
    expect(go.stderr).toBe('dockerlings: the go tool (build, run, mod …) is not simulated here (only `go version` is); for a shell in this image: docker run -it golang bash\n');
    expect(go.exitCode).toBe(1);
  });
});

describe('docker search', () => {
  it('lists the official image first in the real columns, then other repositories; --filter and --limit apply', async () => {
    const s = createSession({ headless: true });
    const pg = (await s.run('docker search postgres')).stdout.split('\n');
    expect(pg[0]).toBe('NAME                 DESCRIPTION                                     STARS     OFFICIAL');
    expect(pg[1]).toBe('postgres             The PostgreSQL object-relational database sy…   13982     [OK]');
    expect(pg).toContain('bitnami/postgresql   Bitnami container image for PostgreSQL          258       ');
    expect((await s.run('docker search --filter is-official=true python')).stdout).toBe(
      'NAME      DESCRIPTION                                     STARS     OFFICIAL\npython    Python is an interpreted, interactive, objec…   9998      [OK]\n');
    expect((await s.run('docker search --limit 1 --format "{{.Name}} {{.IsOfficial}}" node')).stdout).toBe('node [OK]\n'); // docker/cli formatter/search: IsOfficial prints [OK]
    for (const name of ['mariadb', 'mongo', 'golang']) expect((await s.run(`docker search --filter is-official=true --format "{{.Name}}" ${name}`)).stdout).toBe(`${name}\n`);
  });

  it("an image outside the catalog keeps Docker Hub's error", async () => {
    const s = createSession({ headless: true });
    const r = await s.run('docker pull mysqlx');
    const [error, hint, ...rest] = r.stderr.split('\n');
    expect(error).toBe("Error response from daemon: pull access denied for mysqlx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    // then a line naming what the simulator can pull
    expect(hint).toMatch(/^dockerlings: "mysqlx" is not in this simulator's Docker Hub catalog; it can pull: alpine, busybox, .*\bmysql, .*\bwordpress$/);
    expect(rest).toEqual(['']);
    expect(r.exitCode).toBe(1);
  });
});
