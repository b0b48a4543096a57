// docker build with BuildKit (the default) end to end: the TTY display's last frame, plain progress, errors, cache, -q.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

/** IDs and digests, also the truncated ones the TTY frame shows, as placeholders. */
const norm = (s: string) => normalizeIds(s).replace(/sha256:[0-9a-f]{10,63}\b/g, 'sha256:<trunc>');

const NGINX = "mkdir mynginx && cd mynginx\ncat > Dockerfile <<'X'\nFROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\nX\n";

describe('docker build (BuildKit TTY output)', () => {
  it('builds the seed walkthrough image, then reuses the cache; the image serves the new page', async () => {
    const s = await steps(`docker pull -q nginx\n${NGINX}docker build -t nginx:v2 .\ndocker build -t nginx:v2 .\ndocker run -d -p 80:80 --name web nginx:v2\ncurl -s localhost`);
    expect([s[3].exitCode, s[3].stdout]).toEqual([0, '']);
    expect(norm(s[3].stderr)).toBe(
      [
        '[+] Building 0.3s (6/6) FINISHED                                 docker:default',
        ' => [internal] load build definition from Dockerfile                       0.0s',
        ' => => transferring dockerfile: 81B                                        0.0s',
        ' => [internal] load metadata for docker.io/library/nginx:latest            0.0s',
        ' => [internal] load .dockerignore                                          0.0s',
        ' => => transferring context: 2B                                            0.0s',
        ' => [1/2] FROM docker.io/library/nginx:latest                              0.0s',
        " => [2/2] RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/inde  0.1s",
        ' => exporting to image                                                     0.1s',
        ' => => exporting layers                                                    0.1s',
        ' => => writing image sha256:<trunc>  0.0s',
        ' => => naming to docker.io/library/nginx:v2                                0.0s',
        '',
      ].join('\n'),
    );
    expect(norm(s[4].stderr).split('\n').slice(6, 9)).toEqual([
      ' => [1/2] FROM docker.io/library/nginx:latest                              0.0s',
      " => CACHED [2/2] RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/ht  0.0s",
      ' => exporting to image                                                     0.0s',
    ]);
    expect(s[6].output).toBe('<h1>Hello, Docker!</h1>\n');
  });

  it('every frame line is 79 columns (80-column terminal) and COLUMNS widens it', async () => {
    const s = await steps(`docker pull -q nginx\n${NGINX}docker build .\nCOLUMNS=100 docker build .`);
    expect(s[3].stderr.split('\n').filter(Boolean).every((l) => l.length === 79)).toBe(true);
    const wide = s[4].stderr.split('\n');
    expect(wide[0]).toBe(`[+] Building 0.1s (6/6) FINISHED${' '.repeat(53)}docker:default`);
    expect(wide[7]).toBe(` => CACHED [2/2] RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html`.padEnd(93) + '  0.0s');
  });

  it('a changed COPY source misses the cache; the old image stays as <none>', async () => {
    const s = await steps(`docker pull -q nginx\n${NGINX}docker build -q -t nginx:v2 .\necho '<h1>Hi</h1>' > index.html\nprintf 'FROM nginx\\nCOPY index.html /usr/share/nginx/html/\\n' > Dockerfile\ndocker build -t nginx:v2 .\ndocker images`);
    expect(s[3].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(s[3].stderr).toBe('');
    expect(norm(s[6].stderr).split('\n').slice(6, 11)).toEqual([
      ' => CACHED [1/2] FROM docker.io/library/nginx:latest                       0.0s',
      ' => [internal] load build context                                          0.0s',
      ' => => transferring context: 12B                                           0.0s',
      ' => [2/2] COPY index.html /usr/share/nginx/html/                           0.0s',
      ' => exporting to image                                                     0.1s',
    ]);
    const old = s[3].stdout.slice(7, 19);
    expect(normalizeIds(s[7].output).split('\n').slice(1, 3)).toEqual(['nginx        v2        <id12>   1 second ago    192MB', '<none>       <none>    <id12>   4 seconds ago   192MB']);
    expect(s[7].output).toContain(old);
  });

  it('--progress=plain prints numbered steps with the RUN output', async () => {
    const s = await steps("printf 'FROM busybox\\nRUN echo hello && echo oops >&2\\n' > Dockerfile\ndocker pull -q busybox\ndocker build --progress=plain -t hi .");
    expect(norm(s[2].stderr)).toBe(
      [
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 45B done',
        '#1 DONE 0.0s',
        '',
        '#2 [internal] load metadata for docker.io/library/busybox:latest',
        '#2 DONE 0.0s',
        '',
        '#3 [internal] load .dockerignore',
        '#3 transferring context: 2B done',
        '#3 DONE 0.0s',
        '',
        '#4 [1/2] FROM docker.io/library/busybox:latest',
        '#4 DONE 0.0s',
        '',
        '#5 [2/2] RUN echo hello && echo oops >&2',
        '#5 0.040 hello',
        '#5 0.040 oops',
        '#5 DONE 0.1s',
        '',
        '#6 exporting to image',
        '#6 exporting layers 0.1s done',
        '#6 writing image sha256:<digest> done',
        '#6 naming to docker.io/library/hi:latest done',
        '#6 DONE 0.1s',
        '',
      ].join('\n'),
    );
  });

  it('pulls a base image that is not local (metadata, auth, layer downloads) without adding it to docker images', async () => {
    const s = await steps("printf 'FROM alpine\\n' > Dockerfile\ndocker build --progress=plain -t a .\ndocker images --format '{{.Repository}}'");
    const lines = norm(s[1].stderr).split('\n');
    expect(lines.slice(6, 17)).toEqual([
      '#2 [internal] load metadata for docker.io/library/alpine:latest',
      '#2 ...',
      '',
      '#3 [auth] library/alpine:pull token for registry-1.docker.io',
      '#3 DONE 0.0s',
      '',
      '#2 [internal] load metadata for docker.io/library/alpine:latest',
      '#2 DONE 1.2s',
      '',
      '#4 [internal] load .dockerignore',
      '#4 transferring context: 2B done',
    ]);
    expect(lines[19]).toBe('#5 [1/1] FROM docker.io/library/alpine:latest@sha256:<digest>');
    expect(lines[20]).toBe('#5 resolve docker.io/library/alpine:latest@sha256:<digest> done');
    expect(lines[21]).toMatch(/^#5 sha256:<digest> 3\.62MB \/ 3\.62MB 0\.1s done$/);
    expect(s[2].output).toBe('a\n');
  });
});

describe('docker build errors (BuildKit)', () => {
  it('a RUN that fails: the step log, the Dockerfile excerpt and the solver error; exit 1', async () => {
    const s = await steps("docker pull -q alpine\nprintf 'FROM alpine\\nRUN foo\\n' > Dockerfile\ndocker build .");
    expect(s[2].exitCode).toBe(1);
    expect(s[2].stderr.split('\n').slice(7)).toEqual([
      ' => ERROR [2/2] RUN foo                                                    0.1s',
      '------',
      ' > [2/2] RUN foo:',
      '0.040 /bin/sh: foo: not found',
      '------',
      'Dockerfile:2',
      '--------------------',
      '   1 |     FROM alpine',
      '   2 | >>> RUN foo',
      '   3 |     ',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c foo" did not complete successfully: exit code: 127',
      '',
    ]);
  });

  it('a parse error stops after loading the definition; lint warnings are listed after the frame', async () => {
    const s = await steps("printf 'FROM alpine\\nFORM ubuntu\\n' > Dockerfile\ndocker build .\nprintf 'FROM busybox\\nCOPY nope.txt /\\nCMD echo hi\\n' > Dockerfile\ndocker build .");
    expect(s[1].stderr).toBe(
      '[+] Building 0.0s (1/1) FINISHED                                 docker:default\n => [internal] load build definition from Dockerfile                       0.0s\n => => transferring dockerfile: 24B                                        0.0s\nDockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> FORM ubuntu\n   3 |     \n--------------------\nERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)\n',
    );
    const lines = s[3].stderr.split('\n');
    expect(lines[3]).toBe(' => WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prev  0.0s');
    expect(lines.slice(-16, -2)).toEqual([
      ' => ERROR [2/2] COPY nope.txt /                                            0.0s',
      '------',
      ' > [2/2] COPY nope.txt /:',
      '------',
      '',
      ' 1 warning found (use docker --debug to expand):',
      ' - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)',
      'Dockerfile:2',
      '--------------------',
      '   1 |     FROM busybox',
      '   2 | >>> COPY nope.txt /',
      '   3 |     CMD echo hi',
      '   4 |     ',
      '--------------------',
    ]);
    expect(lines[lines.length - 2]).toMatch(/^ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}::[a-z0-9]{25}: "\/nope.txt": not found$/);
  });

  it('usage and context errors', async () => {
    const s = await steps('docker build\ndocker build ./nope\ndocker build -f x.Dockerfile .\ndocker build -t Bad .');
    expect(s.map((x) => [x.exitCode, x.stderr])).toEqual([
      [1, 'ERROR: "docker buildx build" requires exactly 1 argument.\nSee \'docker buildx build --help\'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n'],
      [1, 'ERROR: unable to prepare context: path "./nope" not found\n'],
      [1, '[+] Building 0.0s (1/1) FINISHED                                 docker:default\n => [internal] load build definition from x.Dockerfile                     0.0s\n => => transferring dockerfile: 2B                                         0.0s\nERROR: failed to solve: failed to read dockerfile: open x.Dockerfile: no such file or directory\n'],
      [1, 'ERROR: invalid tag "Bad": invalid reference format: repository name (library/Bad) must be lowercase\n'],
    ]);
  });
});
