// Every "ok" row of testdata/reference/dockerfile.tsv built by the engine, and the effects its semantics column names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, type BuildOptions, type Engine, type FileTable, type PendingRun, type RunOutput } from '../index';

const tsv = readFileSync(new URL('../../../testdata/reference/dockerfile.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.split('\n').filter((l) => l !== '');
const cols = header.split('\t');
const rows = lines.map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split('\t')[i] ?? ''])) as Record<string, string>);

/** Base images the seed registry does not carry are swapped for ones it does (the rows are about parsing, not bases). */
const SWAP: [RegExp, string][] = [[/alpine:3\.(19|5)\b/g, 'alpine:3.20'], [/golang:1\.22/g, 'busybox'], [/\bdebian\b/g, 'ubuntu'], [/VERSION=3\.19/g, 'VERSION=3.20']];

const file = (content: string): FileTable[string] => ({ type: 'file', mode: 0o644, mtime: 1, content });

interface Ran {
  argv: string[];
  env: string[];
}

function build(e: Engine, dockerfile: string, ran: Ran[]) {
  const context: FileTable = { '/foo': file('foo'), '/test file': file('t'), '/testfile.txt': file('x') };
  const o: BuildOptions = { dockerfile, dockerfileName: 'Dockerfile', context, dockerignore: null, buildArgs: {}, target: '', noCache: false, pull: false, tags: ['t'], labels: {}, classic: false, contextKey: '/ctx' };
  const run = (p: PendingRun): RunOutput => {
    ran.push({ argv: p.argv, env: p.env });
    return { output: [], exitCode: 0, elapsed: 0, upper: { '/out': { type: 'dir', mode: 0o755, mtime: 1 }, '/out/app': file('app'), '/x': file('x') } };
  };
  let job = e.build.start(o);
  while (job.pending) job = e.build.continue(job, { context }, run(job.pending));
  return job;
}

const okRows = rows.filter((r) => r.outcome === 'ok');

describe('dockerfile.tsv ok rows build', () => {
  for (const row of okRows) {
    it(row.id, () => {
      const e = createEngine({ seed: 3 });
      let text = JSON.parse(row[cols[1]]) as string;
      for (const [re, to] of SWAP) text = text.replace(re, to);
      const job = build(e, text, []);
      expect(job.error).toBeNull();
      expect(e.state.images[job.imageId]).toBeDefined();
    });
  }
});

describe('dockerfile.tsv semantics', () => {
  const built = (id: string) => {
    const e = createEngine({ seed: 3 });
    let text = JSON.parse(rows.find((r) => r.id === id)![cols[1]]) as string;
    for (const [re, to] of SWAP) text = text.replace(re, to);
    const ran: Ran[] = [];
    const job = build(e, text, ran);
    return { img: e.state.images[job.imageId], ran, job, top: () => e.build.stack(e.state.images[job.imageId].diffIds)[0] };
  };
  const env = (id: string) => built(id).img.config.Env.slice(1);

  it('env-forms / env-legacy-multi-word: quotes and escapes removed, the legacy form takes the rest of the line', () => {
    expect(env('env-forms')).toEqual(['A=1', 'B=two words', 'C=three words', 'LEGACY=value with spaces']);
    expect(env('env-legacy-multi-word')).toEqual(['SCUBA=1 DUBA 3']);
  });

  it('arg-before-from / arg-redeclared-in-stage: a meta ARG is seen in a stage only when redeclared', () => {
    expect(built('arg-before-from').ran.map((r) => r.env.filter((x) => x.startsWith('VERSION')))).toEqual([[]]);
    expect(built('arg-redeclared-in-stage').ran.map((r) => r.env.filter((x) => x.startsWith('VERSION')))).toEqual([['VERSION=3.20']]);
    expect(built('arg-multiple').img.history.map((h) => h.createdBy).slice(-1)).toEqual(['ARG abc=123 456 def']);
  });

  it('json-vs-shell / invalid-json-*: exec form kept, shell form wrapped in /bin/sh -c', () => {
    const { img } = built('json-vs-shell');
    expect([img.config.Entrypoint, img.config.Cmd]).toEqual([['/bin/echo', 'hi'], ['/bin/sh', '-c', 'echo world']]);
    expect(built('invalid-json-single-quotes').img.config.Cmd).toEqual(['/bin/sh', '-c', "['echo','x']"]);
    expect(built('invalid-json-unterminated').img.config.Cmd).toEqual(['/bin/sh', '-c', '["echo", "hi"']);
    expect(built('basic').ran.map((r) => r.argv)).toEqual([['/bin/sh', '-c', 'echo hello']]);
  });

  it('multi-stage / stage-name-uppercase: the last stage is the image; COPY --from reads the named stage', () => {
    const m = built('multi-stage');
    expect([m.img.config.Entrypoint, m.img.history.map((h) => h.createdBy).slice(-2)]).toEqual([['/usr/local/bin/app'], ['COPY /out/app /usr/local/bin/app # buildkit', 'ENTRYPOINT ["/usr/local/bin/app"]']]);
    expect(m.job.vertices.map((v) => v.name).filter((n) => n.startsWith('['))).toContain('[stage-1 2/2] COPY --from=build /out/app /usr/local/bin/app');
    expect(built('stage-name-uppercase').job.error).toBeNull();
  });

  it('expose-many, label-forms, healthcheck, onbuild: image config', () => {
    expect(built('expose-many').img.config.ExposedPorts).toEqual({ '443/tcp': {}, '53/udp': {}, '80/tcp': {} });
    expect(built('label-forms').img.config.Labels).toEqual({ maintainer: 'foo@bar.com', version: '1.0', 'com.example.vendor': 'ACME Inc' });
    expect(built('healthcheck').img.config.Healthcheck).toEqual({ Test: ['CMD-SHELL', '/app/check.sh --quiet'], Interval: 5e9, Timeout: 3e9, Retries: 3 });
    expect(built('onbuild').img.config.OnBuild).toEqual(['RUN echo test', 'COPY . /']);
  });

  it('copy-flags / copy-json-with-spaces: files land where the destination says', () => {
    expect(Object.keys(built('copy-json-with-spaces').top()).sort()).toEqual(['/tmp', '/tmp/test file']);
    const flags = built('copy-flags');
    expect(flags.img.diffIds).toHaveLength(2);
    expect(flags.top()['/tmp/foo']).toEqual({ type: 'file', mode: 0o644, mtime: 1, content: 'foo' });
  });
});
