// DOCKER_BUILDKIT=0: the legacy builder's stream (storage.md §7), its intermediate images, cache and errors.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

const DEPRECATED = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n';
const TWO_RUNS = "printf 'FROM busybox\\nRUN echo hello > /dev/null\\nRUN echo world > /dev/null\\n' | DOCKER_BUILDKIT=0 docker build --no-cache -";

describe('classic builder output', () => {
  it('prints the deprecation warning, the context size and one block per step (storage.md §7, Engine 25+)', async () => {
    const s = await steps(`docker pull -q busybox\n${TWO_RUNS}\ndocker history $(docker images -q | head -1)\ndocker images\ndocker images -a -q`);
    expect(s[1].stderr).toBe(DEPRECATED);
    expect(normalizeIds(s[1].stdout)).toBe(
      [
        'Sending build context to Docker daemon  2.048kB',
        'Step 1/3 : FROM busybox',
        ' ---> <id12>',
        'Step 2/3 : RUN echo hello > /dev/null',
        ' ---> Running in <id12>',
        ' ---> Removed intermediate container <id12>',
        ' ---> <id12>',
        'Step 3/3 : RUN echo world > /dev/null',
        ' ---> Running in <id12>',
        ' ---> Removed intermediate container <id12>',
        ' ---> <id12>',
        'Successfully built <id12>',
        '',
      ].join('\n'),
    );
    const ids = [...s[1].stdout.matchAll(/ ---> ([0-9a-f]{12})\n/g)].map((m) => m[1]);
    expect(s[2].output).toBe(
      [
        'IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT',
        `${ids[2]}   1 second ago   /bin/sh -c echo world > /dev/null               0B        `,
        `${ids[1]}   1 second ago   /bin/sh -c echo hello > /dev/null               0B        `,
        `${ids[0]}   3 years ago    /bin/sh -c #(nop)  CMD ["sh"]                   0B        `,
        '<missing>      3 years ago    /bin/sh -c #(nop) ADD file:7e9002edaafd4e457…   4.26MB    ',
        '',
      ].join('\n'),
    );
    // the last image is dangling (listed); the intermediate one has a child, so only -a shows it
    expect(normalizeIds(s[3].output)).toBe('REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n<none>       <none>    <id12>   2 seconds ago   4.26MB\nbusybox      latest    <id12>   3 years ago     4.26MB\n');
    expect(s[4].output).toBe(`${ids[2]}\n${ids[1]}\n${ids[0]}\n`);
  });

  it('a rebuild says "Using cache" per step and tags the same image', async () => {
    const s = await steps("docker pull -q busybox\nprintf 'FROM busybox\\nENV A=1\\nRUN echo hi\\n' > Dockerfile\nDOCKER_BUILDKIT=0 docker build -t x .\nDOCKER_BUILDKIT=0 docker build -t x:2 .");
    expect(normalizeIds(s[2].stdout).split('\n').slice(3)).toEqual([
      'Step 2/3 : ENV A=1',
      ' ---> Running in <id12>',
      ' ---> Removed intermediate container <id12>',
      ' ---> <id12>',
      'Step 3/3 : RUN echo hi',
      ' ---> Running in <id12>',
      'hi',
      ' ---> Removed intermediate container <id12>',
      ' ---> <id12>',
      'Successfully built <id12>',
      'Successfully tagged x:latest',
      '',
    ]);
    const id = /Successfully built (\w+)/.exec(s[2].stdout)![1];
    expect(s[3].stdout.replace(/ ---> (?!Using)\w+/g, ' ---> <id>')).toBe(
      'Sending build context to Docker daemon  4.096kB\nStep 1/3 : FROM busybox\n ---> <id>\nStep 2/3 : ENV A=1\n ---> Using cache\n ---> <id>\nStep 3/3 : RUN echo hi\n ---> Using cache\n ---> <id>\n' +
        `Successfully built ${id}\nSuccessfully tagged x:2\n`,
    );
  });

  it('COPY prints no container; unused build args are reported; -q prints only the ID', async () => {
    const s = await steps("docker pull -q busybox\necho data > a.txt\nprintf 'FROM busybox\\nARG V\\nCOPY a.txt /\\n' > Dockerfile\nDOCKER_BUILDKIT=0 docker build --build-arg V=1 --build-arg W=2 .\nDOCKER_BUILDKIT=0 docker build -q .");
    expect(normalizeIds(s[3].stdout).split('\n').slice(7)).toEqual(['Step 3/3 : COPY a.txt /', ' ---> <id12>', '[Warning] One or more build-args [W] were not consumed', 'Successfully built <id12>', '']);
    expect(s[4].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(s[4].stderr).toBe(DEPRECATED);
  });
});

describe('classic builder errors', () => {
  it('a failing RUN exits with its code and leaves the container', async () => {
    const s = await steps("docker pull -q alpine\nprintf 'FROM alpine\\nRUN foo\\n' > Dockerfile\nDOCKER_BUILDKIT=0 docker build .\ndocker ps -a --format '{{.Command}} {{.Status}}'");
    expect([s[2].exitCode, s[2].stderr]).toEqual([127, `${DEPRECATED}The command '/bin/sh -c foo' returned a non-zero code: 127\n`]);
    expect(normalizeIds(s[2].stdout).split('\n').slice(-3)).toEqual([' ---> Running in <id12>', '/bin/sh: foo: not found', '']);
    expect(s[3].output).toBe('"/bin/sh -c foo" Exited (127) Less than a second ago\n');
  });

  it('parse errors are API errors; a missing COPY source ends the stream', async () => {
    const s = await steps("printf 'FROM alpine\\nFORM ubuntu\\n' > Dockerfile\nDOCKER_BUILDKIT=0 docker build .\nprintf 'FROM scratch\\nCOPY nope.txt /\\n' > Dockerfile\nDOCKER_BUILDKIT=0 docker build .\nprintf '' > Dockerfile\nDOCKER_BUILDKIT=0 docker build .\nDOCKER_BUILDKIT=0 docker build ./nope");
    // the context is ~ (the home directory): .bashrc, .profile and the Dockerfile, one 512-byte header and block each, plus the end blocks
    expect([s[1].exitCode, s[1].stdout, s[1].stderr]).toEqual([1, 'Sending build context to Docker daemon  4.096kB\n', `${DEPRECATED}Error response from daemon: dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)\n`]);
    expect([s[3].exitCode, s[3].stdout, s[3].stderr]).toEqual([
      1,
      'Sending build context to Docker daemon  4.096kB\nStep 1/2 : FROM scratch\n ---> \nStep 2/2 : COPY nope.txt /\n',
      `${DEPRECATED}COPY failed: file not found in build context or excluded by .dockerignore: stat nope.txt: file does not exist\n`,
    ]);
    expect(s[5].stderr).toBe(`${DEPRECATED}Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n`);
    expect(s[6].stderr).toBe(`${DEPRECATED}unable to prepare context: path "./nope" not found\n`);
  });
});
