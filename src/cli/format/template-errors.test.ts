// Tests for template.ts error texts: Go's parse errors (`template: :L: …`) and exec errors (`template: :L:C: executing …`).
import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateError, TemplateExecError } from './template';

const parseError = (src: string): string => {
  try {
    parseTemplate(src);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`no parse error for ${src}`);
};
const execError = (src: string, data: unknown = {}): string => {
  try {
    parseTemplate(src).execute(data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateExecError);
    return (e as Error).message;
  }
  throw new Error(`no exec error for ${src}`);
};

describe('parse errors', () => {
  it.each([
    ['{{.Name', 'unclosed action'],
    ['{{', 'unclosed action'],
    ['{{foo}}', 'function "foo" not defined'],
    ['{{.Name | nope}}', 'function "nope" not defined'],
    ['{{.Names}', 'unexpected "}" in operand'],
    ['{{range .X}}', 'unexpected EOF'],
    ['{{if .X}}a{{else}}b', 'unexpected EOF'],
    ['{{end}}', 'unexpected {{end}}'],
    ['{{else}}', 'unexpected {{else}}'],
    ['{{}}', 'missing value for command'],
    ['{{if}}{{end}}', 'missing value for if'],
    ['{{range}}{{end}}', 'missing value for range'],
    ['{{$x}}', 'undefined variable "$x"'],
    ['{{if true}}{{$x := 1}}{{end}}{{$x}}', 'undefined variable "$x"'],
    ['{{.Config.Env[0]}}', "bad character U+005B '['"],
    ['{{"abc}}', 'unterminated quoted string'],
    ['{{`abc}}', 'unterminated raw quoted string'],
    ['{{.A "abc}}', 'unterminated quoted string'],
    ['{{"a\\qb"}}', 'invalid syntax'],
    ['{{break}}', '{{break}} outside {{range}}'],
    ['{{range .}}{{continue 1}}{{end}}', 'unexpected "1" in {{continue}}'],
    ['{{/* x }}', 'unclosed comment'],
    ['{{/* x */ .}}', 'comment ends before closing delimiter'],
    ['{{(.A}}', 'unclosed left paren'],
    ['{{.A)}}', 'unexpected ")" in command'],
    ['{{.A | "x"}}', 'non executable command in pipeline stage 2'],
    ['{{"x".Foo}}', 'unexpected . after term "\\"x\\""'],
    ['{{range $a, $b, $c := .}}{{end}}', 'too many declarations in range'],
    ['{{with $a, $b := .}}{{end}}', 'too many declarations in with'],
    ['{{range $a, 1}}{{end}}', 'range can only initialize variables'],
    ['{{1a}}', 'bad number syntax: "1a"'],
    ['{{.A 1a}}', 'bad number syntax: "1a"'],
    ['{{08}}', 'integer overflow: "08"'],
    ['{{1.2.3}}', 'unexpected ".3" in operand'],
    ['{{0x}}', 'illegal number syntax: "0x"'],
    ['{{.A ! .B}}', 'unexpected "!" in operand'],
    ['{{.A é}}', 'function "é" not defined'],
    ['{{template "x"}}', '{{template}} is not supported'],
    ['{{if .A}}{{else}}{{else}}{{end}}', 'expected end; found {{else}}'],
  ])('%s → %s', (src, msg) => {
    expect(parseError(src)).toBe(`template: :1: ${msg}`);
  });

  it('reports the line of the offending token', () => {
    expect(parseError('a\nb\n{{.X')).toBe('template: :3: unclosed action');
    expect(parseError('{{.X\n\n')).toBe('template: :3: unclosed action started at :1');
    expect(parseError('{{.X\n"abc}}')).toBe('template: :2: unterminated quoted string in action started at :1');
    expect(parseError('{{if .A}}\n\n{{nope}}{{end}}')).toBe('template: :3: function "nope" not defined');
  });
});

describe('execution errors', () => {
  it('reports nil pointers with the chain position (Go quirk: column of the second field)', () => {
    expect(execError('{{.A.B}}', { A: null })).toBe('template: :1:4: executing "" at <.A.B>: nil pointer evaluating interface {}.B');
    expect(execError('x\n  {{.A.B}}', { A: null })).toBe('template: :2:6: executing "" at <.A.B>: nil pointer evaluating interface {}.B');
  });

  it('reports function call errors at the command', () => {
    const d = { L: ['a', 'b'], S: 'abc', N: 3 };
    expect(execError('{{index .L 5}}', d)).toBe('template: :1:2: executing "" at <index .L 5>: error calling index: index out of range: 5');
    expect(execError('{{index .L 2}}', d)).toBe('template: :1:2: executing "" at <index .L 2>: error calling index: reflect: slice index out of range');
    expect(execError('{{len .N}}', d)).toBe('template: :1:2: executing "" at <len .N>: error calling len: len of type int');
    expect(execError('{{eq .S 1}}', d)).toBe('template: :1:2: executing "" at <eq .S 1>: error calling eq: incompatible types for comparison: string and int');
    expect(execError('{{lt .L .L}}', d)).toBe('template: :1:2: executing "" at <lt .L .L>: error calling lt: invalid type for comparison');
    expect(execError('{{eq .L .L}}', d)).toBe('template: :1:2: executing "" at <eq .L .L>: error calling eq: non-comparable type [a b]: []interface {}');
    expect(execError('{{pad "x" -1 0}}')).toBe('template: :1:2: executing "" at <pad "x" -1 0>: error calling pad: strings: negative Repeat count');
  });

  it('checks argument counts and types', () => {
    const d = { L: ['a'], N: 3 };
    expect(execError('{{json}}')).toBe('template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 0');
    expect(execError('{{join .L}}', d)).toBe('template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1');
    expect(execError('{{and}}')).toBe('template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0');
    expect(execError('{{upper 1}}')).toBe('template: :1:8: executing "" at <1>: expected string; found 1');
    expect(execError('{{upper .N}}', d)).toBe('template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int');
    expect(execError('{{upper .Missing}}', d)).toBe('template: :1:8: executing "" at <.Missing>: invalid value; expected string');
    expect(execError('{{pad "x" "a" 1}}')).toBe('template: :1:10: executing "" at <"a">: expected integer; found "a"');
    expect(execError('{{join .N ","}}', d)).toBe('template: :1:7: executing "" at <.N>: wrong type for value; expected []string; got int');
    expect(execError('{{upper nil}}')).toBe('template: :1:8: executing "" at <nil>: cannot assign nil to string');
  });

  it('rejects arguments to non-functions and bad commands', () => {
    expect(execError('{{1 2}}')).toBe('template: :1:2: executing "" at <1>: can\'t give argument to non-function 1');
    expect(execError('{{nil}}')).toBe('template: :1:2: executing "" at <nil>: nil is not a command');
    expect(execError('{{.S 1}}', { S: 'x' })).toBe('template: :1:2: executing "" at <.S>: S is not a method but has arguments');
    expect(execError('{{.S.Len}}', { S: 'x' })).toBe('template: :1:4: executing "" at <.S.Len>: can\'t evaluate field Len in type string');
  });

  it('refuses to range over scalars', () => {
    expect(execError('{{range .S}}{{end}}', { S: 'abc' })).toBe('template: :1:8: executing "" at <.S>: range can\'t iterate over abc');
    expect(execError('{{range $i, $e := 3}}{{end}}')).toBe('template: :1:18: executing "" at <3>: can\'t use 3 to iterate over more than one variable');
  });

  it('keeps the output written before the error', () => {
    try {
      parseTemplate('ab{{.A.B}}cd').execute({ A: null });
      expect.unreachable();
    } catch (e) {
      expect((e as TemplateExecError).partial).toBe('ab');
    }
  });

  it("supports Go's missingkey=error option (docker inspect's raw JSON fallback)", () => {
    const t = parseTemplate('{{.State.Stauts}}');
    expect(t.execute({ State: {} })).toBe('<no value>');
    expect(() => t.execute({ State: {} }, { missingKey: 'error' })).toThrow(
      'template: :1:8: executing "" at <.State.Stauts>: map has no entry for key "Stauts"',
    );
    expect(() => parseTemplate('{{.A.B}}').execute({}, { missingKey: 'error' })).toThrow('map has no entry for key "A"');
    expect(() => parseTemplate('{{.B}}').execute(undefined, { missingKey: 'error' })).toThrow('nil data; no entry for key "B"');
  });

  it('reports method errors and counts', () => {
    const ctx = { Label: (k: string) => k, Boom: () => { throw new Error('kaput'); } };
    expect(execError('{{.Label}}', ctx)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(execError('{{.Boom}}', ctx)).toBe('template: :1:2: executing "" at <.Boom>: error calling Boom: kaput');
  });
});
