// docker build features end to end: multi-stage + --target + --build-arg, .dockerignore, heredocs, ADD of tars,
// COPY --from an image, contexts on stdin, `# syntax=`, ONBUILD, and how the built image runs.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

const stepLines = (stderr: string) => stderr.split('\n').filter((l) => /^ => (CACHED |ERROR )?\[(?!internal|auth)/.test(l)).map((l) => l.replace(/\s+\d+\.\ds$/, ''));

describe('docker build features', () => {
  it('multi-stage: only the stages the target needs run; ARG values reach RUN; the result runs', async () => {
    const df = "ARG BASE=busybox\nFROM ${BASE} AS build\nARG VERSION=1.0\nWORKDIR /src\nCOPY . .\nRUN echo \"app v$VERSION\" > /app.txt\n\nFROM busybox AS unused\nRUN exit 1\n\nFROM busybox\nCOPY --from=build /app.txt /app.txt\nCMD [\"cat\", \"/app.txt\"]\n";
    const s = await steps(`docker pull -q busybox\ncat > Dockerfile <<'X'\n${df}X\ndocker build -t multi --build-arg VERSION=2.0 .\ndocker run --rm multi\ndocker build --target build -q -t multi:build .`);
    expect(stepLines(s[2].stderr)).toEqual([
      ' => [build 1/4] FROM docker.io/library/busybox:latest',
      ' => [stage-2 1/2] FROM docker.io/library/busybox:latest',
      ' => [build 2/4] WORKDIR /src',
      ' => [build 3/4] COPY . .',
      ' => [build 4/4] RUN echo "app v2.0" > /app.txt',
      ' => [stage-2 2/2] COPY --from=build /app.txt /app.txt',
    ]);
    expect(s[3].output).toBe('app v2.0\n');
    expect([s[4].exitCode, s[4].stdout.length]).toEqual([0, 72]);
  });

  it('.dockerignore keeps files out of the context; heredocs in RUN and COPY', async () => {
    const df = 'FROM busybox\nRUN <<EOF\necho one > /one\necho two > /two\nEOF\nCOPY <<EOT /motd\nWelcome!\nEOT\nCOPY . /ctx\nCMD ls -A /ctx; cat /one /two /motd\n';
    const s = await steps(`docker pull -q busybox\nmkdir h && cd h\necho s > .env\necho k > keep.txt\nprintf '.env\\n*.log\\n' > .dockerignore\necho l > a.log\ncat > Dockerfile <<'X'\n${df}X\ndocker build -q -t h .\ndocker run --rm h`);
    expect(s[8].output).toBe('.dockerignore\nDockerfile\nkeep.txt\none\ntwo\nWelcome!\n');
  });

  it('ADD unpacks local tar archives (plain and gzip); COPY does not', async () => {
    const df = 'FROM busybox\nADD files.tar /t/\nADD files.tgz /z/\nCOPY files.tar /raw/\nCMD find /t /z /raw\n';
    const s = await steps(`docker pull -q busybox\necho hi > g.txt\nmkdir -p pkg/sub && echo one > pkg/sub/one.txt\ntar -cf files.tar g.txt pkg\ntar -czf files.tgz pkg\ncat > Dockerfile <<'X'\n${df}X\ndocker build -q -t t .\ndocker run --rm t`);
    expect(s[7].output).toBe('/t\n/t/g.txt\n/t/pkg\n/t/pkg/sub\n/t/pkg/sub/one.txt\n/z\n/z/pkg\n/z/pkg/sub\n/z/pkg/sub/one.txt\n/raw\n/raw/files.tar\n');
  });

  it('ADD unpacks an xz-compressed tar too (moby DecompressStream); a file that only looks like xz is copied as it is', async () => {
    const df = 'FROM busybox\nADD files.tar.xz /x/\nADD fake.xz /f/\nCMD find /x /f\n';
    const s = await steps(`docker pull -q busybox\nmkdir -p pkg/sub && echo one > pkg/sub/one.txt\ntar -cJf files.tar.xz pkg\nprintf '\\3757zXZ\\0 not really an xz stream, just its magic' > fake.xz\ncat > Dockerfile <<'X'\n${df}X\ndocker build -q -t tx .\ndocker run --rm tx\ndocker run --rm tx cat /x/pkg/sub/one.txt`);
    expect(s[6].output).toBe('/x\n/x/pkg\n/x/pkg/sub\n/x/pkg/sub/one.txt\n/f\n/f/fake.xz\n');
    expect(s[7].output).toBe('one\n');
  });

  it('COPY --from an image resolves and pulls it without tagging it', async () => {
    const s = await steps("docker pull -q busybox\nprintf 'FROM busybox\\nCOPY --from=nginx /etc/nginx/conf.d/default.conf /d.conf\\nRUN head -2 /d.conf\\n' > Dockerfile\ndocker build -t c .\ndocker images --format '{{.Repository}}'");
    const lines = normalizeIds(s[2].stderr).split('\n');
    expect(lines[4]).toBe(' => [internal] load metadata for docker.io/library/nginx:latest            1.2s');
    expect(lines.find((l) => l.startsWith(' => FROM docker.io/library/nginx:latest@sha256:'))).toBeDefined();
    expect(stepLines(s[2].stderr)).toEqual([' => [1/3] FROM docker.io/library/busybox:latest', ' => [2/3] COPY --from=nginx /etc/nginx/conf.d/default.conf /d.conf', ' => [3/3] RUN head -2 /d.conf']);
    expect(s[3].output).toBe('c\nbusybox\n');
  });

  it('a context tar on stdin, a Dockerfile on stdin, and `# syntax=` pulling the frontend first', async () => {
    const s = await steps(
      "docker pull -q busybox\nmkdir c && cd c\necho hi > a.txt\nprintf '# syntax=docker/dockerfile:1\\nFROM busybox\\nCOPY a.txt /\\nCMD [\"cat\", \"/a.txt\"]\\n' > Dockerfile\ntar -cf ../ctx.tar .\ncd ..\n" +
        'docker build -t fromtar - < ctx.tar\ndocker run --rm fromtar\necho \'FROM busybox\' | docker build -q -',
    );
    const names = s[6].stderr.split('\n').map((l) => l.replace(/\s+\d+\.\ds$/, ''));
    expect(names.slice(3, 6)).toEqual([' => resolve image config for docker-image://docker.io/docker/dockerfile:1', ' => [auth] docker/dockerfile:pull token for registry-1.docker.io', names[5]]);
    expect(names[5]).toMatch(/^ => docker-image:\/\/docker\.io\/docker\/dockerfile:1@sha256:[0-9a-f]{10}/);
    expect(s[7].output).toBe('hi\n');
    expect(s[8].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });

  it('ONBUILD triggers run first in a child build (BuildKit steps, classic "# Executing")', async () => {
    const s = await steps(
      "docker pull -q busybox\necho hi > g.txt\nprintf 'FROM busybox\\nONBUILD RUN echo triggered > /t.txt\\nONBUILD COPY g.txt /\\n' | docker build -q -t ob -\n" +
        "printf 'FROM ob\\nCMD cat /t.txt /g.txt\\n' > Dockerfile\ndocker build -t child .\ndocker run --rm child\nDOCKER_BUILDKIT=0 docker build --no-cache -t child2 .",
    );
    expect(stepLines(s[4].stderr)).toEqual([' => [1/3] FROM docker.io/library/ob:latest', ' => [2/3] RUN echo triggered > /t.txt', ' => [3/3] COPY g.txt /']);
    expect(s[5].output).toBe('triggered\nhi\n');
    expect(normalizeIds(s[6].stdout).split('\n').slice(1, 9)).toEqual(['Step 1/2 : FROM ob', ' ---> <id12>', '# Executing 2 build triggers', ' ---> Running in <id12>', ' ---> Removed intermediate container <id12>', ' ---> <id12>', ' ---> <id12>', 'Step 2/2 : CMD cat /t.txt /g.txt']);
  });
});
