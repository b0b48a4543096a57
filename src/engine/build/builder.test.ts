// The builder without a shell: cache rules (storage.md §6), image config, history, dangling images, the classic builder's images.
import { describe, expect, it } from 'vitest';
import { createEngine, type BuildJob, type BuildOptions, type Engine, type FileTable, type PendingRun, type RunOutput } from '../index';
import { EMPTY_LAYER } from './exec';

const file = (content: string, mtime = 1): FileTable[string] => ({ type: 'file', mode: 0o644, mtime, content });

/** A runtime stand-in: every RUN writes /ran with its command line (or what `write` says). */
function runner(log: string[], write?: (p: PendingRun) => FileTable, exitCode = 0) {
  return (p: PendingRun): RunOutput => {
    log.push(p.argv.join(' '));
    return { output: [{ offset: 0, stream: 'stdout', text: `ran ${p.argv[p.argv.length - 1]}\n` }], exitCode, elapsed: 0, upper: write ? write(p) : { '/ran': file(p.argv.join(' '), p.startedAt) } };
  };
}

function build(engine: Engine, dockerfile: string, opts: Partial<BuildOptions> = {}, run = runner([])): BuildJob {
  const o: BuildOptions = { dockerfile, dockerfileName: 'Dockerfile', context: {}, dockerignore: null, buildArgs: {}, target: '', noCache: false, pull: false, tags: ['app'], labels: {}, classic: false, contextKey: '/root/app', ...opts };
  let job = engine.build.start(o);
  while (job.pending) job = engine.build.continue(job, { context: o.context, archives: o.archives }, run(job.pending));
  return job;
}

const steps = (job: BuildJob) => job.vertices.filter((v) => /^\[(?!internal|auth)/.test(v.name)).map((v) => `${v.cached ? 'CACHED ' : ''}${v.name}`);

function fresh(): Engine {
  const e = createEngine({ seed: 7 });
  e.image.pull('alpine');
  return e;
}

describe('BuildKit cache (storage.md §6)', () => {
  it('RUN is cached by its command string; a rebuild gives the same image', () => {
    const e = fresh();
    const log: string[] = [];
    const df = 'FROM alpine\nRUN apk update\n';
    const a = build(e, df, {}, runner(log));
    const b = build(e, df, {}, runner(log));
    expect(log).toEqual(['/bin/sh -c apk update']);
    expect(steps(a)).toEqual(['[1/2] FROM docker.io/library/alpine:latest', '[2/2] RUN apk update']);
    expect(steps(b)).toEqual(['[1/2] FROM docker.io/library/alpine:latest', 'CACHED [2/2] RUN apk update']);
    expect(b.imageId).toBe(a.imageId);
  });

  it('COPY is cached by content (mtime ignored); after a miss every later step runs again', () => {
    const e = fresh();
    const log: string[] = [];
    const df = 'FROM alpine\nRUN echo first\nCOPY app.txt /app/\nRUN echo after\n';
    build(e, df, { context: { '/app.txt': file('v1', 1) } }, runner(log));
    const touched = build(e, df, { context: { '/app.txt': file('v1', 999) } }, runner(log));
    expect(steps(touched).slice(1)).toEqual(['CACHED [2/4] RUN echo first', 'CACHED [3/4] COPY app.txt /app/', 'CACHED [4/4] RUN echo after']);
    const changed = build(e, df, { context: { '/app.txt': file('v2', 999) } }, runner(log));
    expect(steps(changed)).toEqual(['CACHED [1/4] FROM docker.io/library/alpine:latest', 'CACHED [2/4] RUN echo first', '[3/4] COPY app.txt /app/', '[4/4] RUN echo after']);
    expect(log).toEqual(['/bin/sh -c echo first', '/bin/sh -c echo after', '/bin/sh -c echo after']);
  });

  it('ENV and ARG values reach the RUN cache key; LABEL and CMD do not', () => {
    const e = fresh();
    const log: string[] = [];
    build(e, 'FROM alpine\nENV A=1\nARG V=1\nLABEL x=1\nRUN echo hi\nCMD ["a"]\n', {}, runner(log));
    build(e, 'FROM alpine\nENV A=1\nARG V=1\nLABEL x=2\nRUN echo hi\nCMD ["b"]\n', {}, runner(log));
    expect(log).toHaveLength(1);
    build(e, 'FROM alpine\nENV A=2\nARG V=1\nRUN echo hi\n', {}, runner(log));
    build(e, 'FROM alpine\nENV A=2\nARG V=1\nRUN echo hi\n', { buildArgs: { V: '9' } }, runner(log));
    expect(log).toHaveLength(3);
  });

  it('--no-cache runs every step and shows no CACHED FROM', () => {
    const e = fresh();
    const log: string[] = [];
    build(e, 'FROM alpine\nRUN a\n', {}, runner(log));
    const j = build(e, 'FROM alpine\nRUN a\n', { noCache: true }, runner(log));
    expect(steps(j)).toEqual(['[1/2] FROM docker.io/library/alpine:latest', '[2/2] RUN a']);
    expect(log).toEqual(['/bin/sh -c a', '/bin/sh -c a']);
  });

  it('a cached step still works after `docker rmi` deleted its layer', () => {
    const e = fresh();
    const a = build(e, 'FROM alpine\nRUN a\n');
    e.image.remove('app', false);
    expect(e.state.images[a.imageId]).toBeUndefined();
    const b = build(e, 'FROM alpine\nRUN a\n', {}, runner([], () => ({ '/other': file('x') })));
    expect(b.imageId).toBe(a.imageId);
    expect(e.build.stack(e.state.images[b.imageId].diffIds)[0]['/ran'].type).toBe('file');
  });
});

describe('the built image', () => {
  it('config follows the Dockerfile (shell forms wrapped, ENTRYPOINT resets an inherited CMD, EXPOSE/VOLUME/HEALTHCHECK)', () => {
    const e = fresh();
    const j = build(e, 'FROM alpine\nENV A=1 B="two words"\nWORKDIR /app\nUSER nobody\nEXPOSE 80 53/udp\nVOLUME /data\nSTOPSIGNAL SIGQUIT\nHEALTHCHECK --interval=5s CMD true\nENTRYPOINT ["/bin/echo"]\nLABEL a=b\nONBUILD RUN x\n', { labels: { from: 'cli' } });
    expect(e.state.images[j.imageId].config).toEqual({
      Hostname: '', Domainname: '', User: 'nobody', AttachStdin: false, AttachStdout: false, AttachStderr: false, ExposedPorts: { '53/udp': {}, '80/tcp': {} }, Tty: false, OpenStdin: false, StdinOnce: false,
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'A=1', 'B=two words'], Cmd: null, Image: '', Volumes: { '/data': {} }, WorkingDir: '/app', Entrypoint: ['/bin/echo'],
      OnBuild: ['RUN x'], Labels: { a: 'b', from: 'cli' }, StopSignal: 'SIGQUIT', Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5e9 },
    });
  });

  it('history: BuildKit texts, `|N K=V` for ARGs, empty layers for metadata, the empty-layer digest for a RUN that changed nothing', () => {
    const e = fresh();
    const j = build(e, 'FROM alpine\nARG V=1\nENV P=/x\nRUN touch /f\nRUN true\nCOPY a.txt /\nEXPOSE 80\nCMD echo hi\n', { context: { '/a.txt': file('a') } }, runner([], (p): FileTable => (p.argv[2] === 'true' ? {} : { '/f': file('') })));
    const img = e.state.images[j.imageId];
    expect(img.history.slice(2).map((h) => [h.createdBy, h.emptyLayer, h.comment])).toEqual([
      ['ARG V=1', true, 'buildkit.dockerfile.v0'],
      ['ENV P=/x', true, 'buildkit.dockerfile.v0'],
      ['RUN |1 V=1 /bin/sh -c touch /f # buildkit', false, 'buildkit.dockerfile.v0'],
      ['RUN |1 V=1 /bin/sh -c true # buildkit', false, 'buildkit.dockerfile.v0'],
      ['COPY a.txt / # buildkit', false, 'buildkit.dockerfile.v0'],
      ['EXPOSE map[80/tcp:{}]', true, 'buildkit.dockerfile.v0'],
      ['CMD ["/bin/sh" "-c" "echo hi"]', true, 'buildkit.dockerfile.v0'],
    ]);
    expect(img.diffIds[2]).toBe(EMPTY_LAYER);
    expect(img.history.slice(2).every((h) => h.created >= e.state.images[e.image.find('alpine')!.id].created)).toBe(true);
  });

  it('an image with no new layer keeps its base image creation time (BuildKit history times)', () => {
    const e = fresh();
    const j = build(e, 'FROM alpine\nENV A=1\n');
    expect(e.state.images[j.imageId].created).toBe(e.image.find('alpine')!.created);
  });

  it('moving a tag to a new build leaves the old image dangling', () => {
    const e = fresh();
    const a = build(e, 'FROM alpine\nRUN a\n');
    const b = build(e, 'FROM alpine\nRUN b\n');
    expect(b.imageId).not.toBe(a.imageId);
    expect(Object.entries(e.state.tags).filter(([, id]) => id === a.imageId)).toEqual([]);
    expect(e.state.images[a.imageId]).toBeDefined();
  });

  it('FROM scratch starts empty with a default PATH', () => {
    const e = createEngine({ seed: 7 });
    const j = build(e, 'FROM scratch\nCOPY hello /\nCMD ["/hello"]\n', { context: { '/hello': file('bin') } });
    const img = e.state.images[j.imageId];
    expect([img.diffIds.length, img.config.Env, img.history.map((h) => h.createdBy)]).toEqual([1, ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['COPY hello / # buildkit', 'CMD ["/hello"]']]);
    expect(steps(j)).toEqual(['[1/1] COPY hello /']);
  });
});

describe('classic builder (DOCKER_BUILDKIT=0)', () => {
  it('commits an image per step with #(nop) history texts; a rebuild walks the parent chain with "Using cache"', () => {
    const e = fresh();
    const df = 'FROM alpine\nENV A=1\nCOPY a.txt /app/\nWORKDIR /app\nRUN echo hi\nCMD ["sh"]\n';
    const ctx = { '/a.txt': file('a') };
    const j = build(e, df, { classic: true, context: ctx });
    const img = e.state.images[j.imageId];
    const chain: string[] = [];
    for (let i = img; i; i = e.state.images[i.parent]) chain.push(i.history[i.history.length - 1].createdBy);
    expect(chain.map((c) => c.replace(/[0-9a-f]{64}/, '<hash>'))).toEqual([
      '/bin/sh -c #(nop)  CMD ["sh"]',
      '/bin/sh -c echo hi',
      '/bin/sh -c #(nop) WORKDIR /app',
      '/bin/sh -c #(nop) COPY file:<hash> in /app/ ',
      '/bin/sh -c #(nop)  ENV A=1',
      'CMD ["/bin/sh"]',
    ]);
    const again = build(e, df, { classic: true, context: ctx });
    expect(again.imageId).toBe(j.imageId);
    expect(again.out.match(/Using cache/g)).toHaveLength(5);
  });

  it('a failing RUN ends the build with its exit code and leaves its container', () => {
    const e = fresh();
    const j = build(e, 'FROM alpine\nRUN false\n', { classic: true }, runner([], undefined, 1));
    expect(j.error).toEqual({ message: "The command '/bin/sh -c false' returned a non-zero code: 1", exitCode: 1, api: false, line: undefined, endLine: undefined });
    const [c] = e.container.list(true);
    expect([c.path, c.args, c.state.status, c.state.exitCode]).toEqual(['/bin/sh', ['-c', 'false'], 'exited', 1]);
  });
});
