// Transcripts: hello-world, pull, images, ps, logs, rm — full text, ids normalised.
import { describe, expect, it } from 'vitest';
import { HELLO_WORLD_MESSAGE } from '../../engine/seed/index';
import { normalizeIds, steps, transcript } from '../transcript';

const PULL_HELLO = [
  "Unable to find image 'hello-world:latest' locally",
  'latest: Pulling from library/hello-world',
  '<id12>: Pull complete ',
  'Digest: sha256:<digest>',
  'Status: Downloaded newer image for hello-world:latest',
].join('\n');

describe('docker run --rm hello-world', () => {
  it('pulls, prints the real message, exits 0 and leaves no container', async () => {
    const [run, ps] = await steps('docker run --rm hello-world\ndocker ps -a');
    expect(normalizeIds(run.stderr)).toBe(PULL_HELLO + '\n');
    expect(run.stdout).toBe(HELLO_WORLD_MESSAGE);
    expect(normalizeIds(run.output)).toBe(PULL_HELLO + '\n' + HELLO_WORLD_MESSAGE);
    expect(run.exitCode).toBe(0);
    expect(ps.output).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('the second run finds the image locally and pulls nothing', async () => {
    const all = await steps('docker run --rm hello-world\ndocker run --rm hello-world');
    expect(all[1].output).toBe(HELLO_WORLD_MESSAGE);
  });
});

describe('docker pull and docker images', () => {
  it('pull prints the tag default, one line per layer, digest, status and the canonical name', async () => {
    const out = normalizeIds(await transcript('docker pull hello-world\ndocker pull hello-world:latest\ndocker images'));
    expect(out).toBe(
      [
        '$ docker pull hello-world',
        'Using default tag: latest',
        'latest: Pulling from library/hello-world',
        '<id12>: Pull complete ',
        'Digest: sha256:<digest>',
        'Status: Downloaded newer image for hello-world:latest',
        'docker.io/library/hello-world:latest',
        '$ docker pull hello-world:latest',
        'latest: Pulling from library/hello-world',
        'Digest: sha256:<digest>',
        'Status: Image is up to date for hello-world:latest',
        'docker.io/library/hello-world:latest',
        '$ docker images',
        'REPOSITORY    TAG       IMAGE ID       CREATED       SIZE',
        'hello-world   latest    <id12>   3 years ago   13.3kB',
        '',
      ].join('\n'),
    );
  });

  it('layers shared between images say "Already exists"', async () => {
    const out = await transcript('docker pull nginx\ndocker pull httpd');
    const httpd = out.slice(out.indexOf('$ docker pull httpd'));
    expect(httpd.match(/: Already exists\n/g)).toHaveLength(1);
    expect(httpd.match(/: Pull complete \n/g)).toHaveLength(5);
  });

  it('a missing repository or tag gets the registry errors', async () => {
    const [repo, tag, run] = await steps('docker pull nosuchimage\ndocker pull nginx:nope\ndocker run nosuchimage');
    // Docker Hub's errors as docker prints them, then one line naming what this simulator's catalog has
    const catalog = /^dockerlings: "nosuchimage" is not in this simulator's Docker Hub catalog; it can pull: alpine, busybox, [a-z0-9/, -]+\n$/;
    const [repoHead, repoHint] = cut(repo.output, 2);
    expect(repoHead).toBe("Using default tag: latest\nError response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    expect(repoHint).toMatch(catalog);
    expect(repo.exitCode).toBe(1);
    expect(tag.output).toBe('Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\ndockerlings: the tags of nginx in this simulator: 1, 1-alpine, 1.27, 1.27-alpine, 1.27.3, 1.27.3-alpine, 1.27.3-alpine3.20, 1.27.3-bookworm, alpine, alpine3.20, bookworm, latest, mainline, mainline-alpine, mainline-bookworm\n');
    const [runHead, runHint] = cut(run.output, 3);
    expect(runHead).toBe(
      "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n",
    );
    expect(runHint).toMatch(catalog);
    expect(run.exitCode).toBe(125);
  });
});

/** The first n lines (with their newlines) and the rest. */
function cut(text: string, n: number): [string, string] {
  const lines = text.split('\n');
  return [lines.slice(0, n).join('\n') + '\n', lines.slice(n).join('\n')];
}

describe('containers: run, ps, logs, rm', () => {
  it('a command runs in the image and the container stays Exited', async () => {
    const out = normalizeIds(await transcript('docker pull ubuntu >/dev/null\ndocker run --name greet ubuntu echo hello world\nsleep 60\ndocker ps -a\ndocker logs greet\ndocker rm greet\ndocker ps -aq'));
    expect(out).toContain('$ docker run --name greet ubuntu echo hello world\nhello world\n');
    expect(out).toContain(
      '$ docker ps -a\nCONTAINER ID   IMAGE     COMMAND              CREATED              STATUS                          PORTS     NAMES\n<id12>   ubuntu    "echo hello world"   About a minute ago   Exited (0) About a minute ago             greet\n',
    );
    expect(out).toContain('$ docker logs greet\nhello world\n$ docker rm greet\ngreet\n$ docker ps -aq\n');
    expect(out.endsWith('$ docker ps -aq\n')).toBe(true);
  });

  it('a detached server keeps running; rm needs -f (Engine 27 text)', async () => {
    const all = await steps('docker run -d --name web nginx\ndocker ps\ndocker rm web\ndocker rm -f web\ndocker ps -a');
    expect(all[0].stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(normalizeIds(all[1].output)).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED        STATUS        PORTS     NAMES\n<id12>   nginx     "/docker-entrypoint.…"   1 second ago   Up 1 second   80/tcp    web\n',
    );
    expect(all[2].output).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n');
    expect(all[2].exitCode).toBe(1);
    expect(all[3].output).toBe('web\n');
    expect(all[4].output).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('a command missing from the image fails to start with exit 127 and stays Created', async () => {
    const all = await steps('docker pull ubuntu -q\ndocker run --name bad ubuntu nosuchcmd\ndocker ps -a --format "{{.Names}} {{.Status}}"');
    expect(all[1].output).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown.\n',
    );
    expect(all[1].exitCode).toBe(127);
  });

  it('rm $(docker ps -aq) removes every stopped container', async () => {
    const all = await steps('docker run hello-world >/dev/null 2>&1\ndocker run hello-world >/dev/null\ndocker rm $(docker ps -aq)\ndocker ps -aq | wc -l');
    expect(all[2].stdout).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/);
    expect(all[3].stdout).toBe('0\n');
  });

  it('logs of a looping detached container follow the simulated clock', async () => {
    const all = await steps("docker run -d --name loop busybox sh -c 'while true; do echo hello world; sleep 1; done'\nsleep 3\ndocker logs loop\ndocker logs --tail 1 loop\ndocker stop loop\ndocker ps -a --format '{{.Status}}'");
    // started at T; `sleep 3` is typed at T+1 and ends at T+4; `docker logs` is typed at T+5: echoes at T..T+5
    expect(all[2].stdout).toBe('hello world\n'.repeat(6));
    expect(all[3].stdout).toBe('hello world\n');
    expect(all[4].stdout).toBe('loop\n');
    // sh as PID 1 ignores SIGTERM: docker stop waits 10 s, then SIGKILL (137); ps is typed a second later
    expect(all[5].stdout).toBe('Exited (137) 1 second ago\n');
  });
});
