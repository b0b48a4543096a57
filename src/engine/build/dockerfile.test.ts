// Every row of testdata/reference/dockerfile.tsv: the parsed AST (buildkit dump notation) or the exact error text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DockerfileError, dumpNode, parseDockerfile } from './dockerfile';
import { parseInstructions } from './instructions';
import { planBuild } from './plan';

const tsv = readFileSync(new URL('../../../testdata/reference/dockerfile.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.split('\n').filter((l) => l !== '');
const cols = header.split('\t');
const rows = lines.map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split('\t')[i] ?? ''])) as Record<string, string>);
const FILE = cols[1];
const AST = cols[3];
const BK_ERR = cols[5];
const CLASSIC_ERR = cols[6];

/** Parse + instructions + stage planning, as a build does before running anything. */
function build(text: string, classic = false) {
  const df = parseInstructions(text);
  planBuild(df, { buildArgs: {}, target: '', classic });
  return df;
}

function errorOf(text: string, classic = false): DockerfileError {
  try {
    build(text, classic);
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('dockerfile.tsv', () => {
  it('has all 55 rows', () => {
    expect(rows).toHaveLength(55);
  });

  for (const row of rows) {
    const text = JSON.parse(row[FILE]) as string;
    if (row.outcome === 'ok') {
      it(`${row.id}: parses to the buildkit AST`, () => {
        expect(parseDockerfile(text).children.map((c) => `(${dumpNode(c)})`)).toEqual(JSON.parse(row[AST]));
        expect(() => build(text)).not.toThrow();
      });
    } else {
      it(`${row.id}: fails with buildkit's error text`, () => {
        expect(errorOf(text).message).toBe(row[BK_ERR]);
      });
    }
  }
});

describe('classic builder error texts (dockerfile.tsv column 7)', () => {
  // the classic builder prefixes parser-level errors; the CLI adds "Error response from daemon: "
  const classicMessage = (e: DockerfileError) => (e.message === 'the Dockerfile cannot be empty' ? 'the Dockerfile (Dockerfile) cannot be empty' : e.phase === 'parse' ? `failed to parse Dockerfile: ${e.message}` : e.message);
  for (const row of rows.filter((r) => r[CLASSIC_ERR])) {
    it(row.id, () => {
      expect(`Error response from daemon: ${classicMessage(errorOf(JSON.parse(row[FILE]), true))}`).toBe(row[CLASSIC_ERR]);
    });
  }
});

const df = (id: string) => parseInstructions(JSON.parse(rows.find((r) => r.id === id)![FILE]));

describe('dockerfile.tsv semantics', () => {
  it('error locations: instruction errors point at their line', () => {
    const e = errorOf(JSON.parse(rows.find((r) => r.id === 'unknown-instruction-suggest')![FILE]));
    expect([e.line, e.endLine]).toEqual([2, 2]);
    expect(errorOf('FROM alpine\nRUN apt-get update\n    && apt-get install -y curl\n').line).toBe(3);
  });

  it('lint warnings (mixed casing, FROM/AS casing, stage name casing, empty continuation, legacy ENV, shell-form CMD)', () => {
    const w = (id: string) => df(id).warnings.map((x) => `${x.rule}: ${x.message} (line ${x.line})`);
    expect(w('mixed-case-lint')).toEqual(["ConsistentInstructionCasing: Command 'run' should match the case of the command majority (uppercase) (line 2)"]);
    expect(w('lowercase-instructions')).toEqual([]);
    expect(w('from-as-casing-lint')).toEqual(["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"]);
    expect(w('stage-name-uppercase')).toEqual(["StageNameCasing: Stage name 'Builder' should be lowercase (line 1)"]);
    expect(w('empty-continuation-line')).toEqual(['NoEmptyContinuation: Empty continuation line (line 4)']);
    expect(df('empty-continuation-line').parserWarnings).toEqual(['Empty continuation line found in: RUN echo a     b']);
    expect(w('env-forms')).toEqual(['LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)']);
    expect(w('json-vs-shell')).toEqual(['JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)']);
    expect(parseInstructions('# check=skip=JSONArgsRecommended\nFROM alpine\nCMD echo hi\nrun true\n').warnings.map((x) => x.rule)).toEqual(['ConsistentInstructionCasing']);
  });

  it('stages, names and meta ARGs', () => {
    const m = df('multi-stage');
    expect(m.stages.map((s) => [s.name, s.baseName, s.commands.length])).toEqual([['build', 'golang:1.22', 3], ['', 'alpine', 2]]);
    expect(df('stage-name-uppercase').stages[0].name).toBe('builder');
    expect(df('arg-multiple').metaArgs[0].args).toEqual([{ key: 'foo' }, { key: 'bar', value: 'baz' }]);
    const plan = planBuild(df('arg-before-from'), { buildArgs: {}, target: '', classic: false });
    expect(plan.stages[0].base).toEqual({ kind: 'image', ref: 'alpine:3.19' });
    expect(planBuild(df('arg-before-from'), { buildArgs: { VERSION: '3.18' }, target: '', classic: false }).stages[0].base).toEqual({ kind: 'image', ref: 'alpine:3.18' });
  });

  it('typed instructions: JSON vs shell form, flags, ONBUILD, HEALTHCHECK, EXPOSE', () => {
    const [ep, cmd] = df('json-vs-shell').stages[0].commands;
    expect(ep).toMatchObject({ kind: 'entrypoint', cmd: ['/bin/echo', 'hi'], prependShell: false });
    expect(cmd).toMatchObject({ kind: 'cmd', cmd: ['echo world'], prependShell: true });
    expect(df('invalid-json-single-quotes').stages[0].commands[0]).toMatchObject({ cmd: ["['echo','x']"], prependShell: true });
    expect(df('copy-flags').stages[0].commands[0]).toMatchObject({ kind: 'copy', sources: ['foo'], dest: '/tmp/', chown: 'me:me', chmod: '644' });
    expect(df('multi-stage').stages[1].commands[0]).toMatchObject({ kind: 'copy', from: 'build', sources: ['/out/app'] });
    expect(df('onbuild').stages[0].commands.map((c) => (c.kind === 'onbuild' ? c.expression : ''))).toEqual(['RUN echo test', 'COPY . /']);
    expect(df('healthcheck').stages[0].commands[0]).toMatchObject({ kind: 'healthcheck', health: { Test: ['CMD-SHELL', '/app/check.sh --quiet'], Interval: 5e9, Timeout: 3e9, Retries: 3 } });
    expect(df('expose-many').stages[0].commands[0]).toMatchObject({ kind: 'expose', ports: ['443', '53/udp', '80/tcp'] });
  });
});
