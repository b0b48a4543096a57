// Tests for template.ts: Go text/template syntax and semantics over JSON-ish data (fields, range, if, with, variables).
import { describe, expect, it } from 'vitest';
import { fieldsRead, goStruct, NIL_MAP, NIL_PTR, NIL_SLICE, parseTemplate } from './template';

const run = (src: string, data: unknown = {}) => parseTemplate(src).execute(data);

const container = {
  Id: '4a7f7eebae0f1234',
  Name: '/web',
  State: { Status: 'running', Running: true, Pid: 4242, ExitCode: 0, Health: null },
  Config: { Env: ['PATH=/usr/local/sbin:/usr/bin', 'NGINX_VERSION=1.27.0'], Labels: { 'com.b': '2', 'com.a': '1' }, Cmd: null },
  NetworkSettings: { IPAddress: '172.17.0.2', Networks: { bridge: { IPAddress: '172.17.0.2' }, appnet: { IPAddress: '172.18.0.5' } } },
};

describe('fields and printing', () => {
  it('copies text and evaluates field chains', () => {
    expect(run('plain text')).toBe('plain text');
    expect(run('{{.State.Status}} {{.State.Pid}} {{.State.Running}}', container)).toBe('running 4242 true');
    expect(run('{{.Name}}', container)).toBe('/web');
  });
  it('prints <no value> for missing map keys, also deeper in the chain', () => {
    expect(run('{{.Nope}}', container)).toBe('<no value>');
    expect(run('{{.Nope.Deeper.Still}}', container)).toBe('<no value>');
    expect(run('{{.Foo}}', null)).toBe('<no value>');
  });
  it('prints values like Go fmt %v', () => {
    expect(run('{{ .Config.Env }}', container)).toBe('[PATH=/usr/local/sbin:/usr/bin NGINX_VERSION=1.27.0]');
    expect(run('{{.Config.Labels}}', container)).toBe('map[com.a:1 com.b:2]');
    expect(run('{{.State.Health}} {{.Config.Cmd}}', container)).toBe('<nil> <nil>');
    expect(run('{{.}}', { a: [1, null, { b: false }], f: 0.25 })).toBe('map[a:[1 <nil> map[b:false]] f:0.25]');
    expect(run('{{.A}} {{.B}} {{.C}}', { A: NIL_SLICE, B: NIL_MAP, C: NIL_PTR })).toBe('[] map[] <nil>');
  });
  it('prints literals', () => {
    expect(run('{{"a\\tb"}}|{{`raw\\n`}}|{{12}}|{{-3}}|{{1.5}}|{{0x1F}}|{{1_000}}|{{true}}|{{\'a\'}}|{{.}}', 'dot')).toBe(
      'a\tb|raw\\n|12|-3|1.5|31|1000|true|97|dot',
    );
  });
  it('calls function-valued fields as methods, with arguments', () => {
    const ctx = { Label: (k: string) => ({ 'com.example': 'yes' })[k] ?? '', ID: () => 'abc' };
    expect(run('{{.ID}} {{.Label "com.example"}} [{{.Label "none"}}]', ctx)).toBe('abc yes []');
    expect(run('{{"com.example" | .Label}}', ctx)).toBe('yes');
  });
  it('errors on missing fields of objects marked as Go structs', () => {
    const ctx = goStruct({ ID: 'abc' }, '*formatter.ContainerContext');
    expect(run('{{.ID}}', ctx)).toBe('abc');
    expect(() => run('{{.Foo}}', ctx)).toThrow(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });
});

describe('actions: trim markers, comments, newlines', () => {
  it('trims spaces around {{- and -}}', () => {
    expect(run('a  \n {{- .X -}} \n\t b', { X: 1 })).toBe('a1b');
    expect(run('{{- 3}}', {})).toBe('3');
    expect(run('{{-3}}|{{3 -}}   x')).toBe('-3|3x');
  });
  it('drops comments, with or without trimming', () => {
    expect(run('a{{/* note */}}b')).toBe('ab');
    expect(run('a {{- /* note */ -}} b')).toBe('ab');
  });
  it('allows newlines inside actions', () => {
    expect(run('{{if\n  .X\n}}yes{{end}}', { X: 1 })).toBe('yes');
  });
});

describe('if / else if / with', () => {
  const t = '{{if eq .S "a"}}A{{else if eq .S "b"}}B{{else}}other{{end}}';
  it('chains else if', () => {
    expect(run(t, { S: 'a' })).toBe('A');
    expect(run(t, { S: 'b' })).toBe('B');
    expect(run(t, { S: 'c' })).toBe('other');
  });
  it('uses Go truth (zero values are false)', () => {
    const t2 = '{{if .}}T{{else}}F{{end}}';
    for (const v of [0, '', [], {}, null, undefined, false, NIL_SLICE]) expect(run(t2, v)).toBe('F');
    for (const v of [1, -0.5, 'x', [0], { a: 0 }, true, goStruct({}, 'T')]) expect(run(t2, v)).toBe('T');
  });
  it('rebinds dot in with, supports else and else with', () => {
    expect(run('{{with .State}}{{.Status}}/{{$.Name}}{{end}}', container)).toBe('running//web');
    expect(run('{{with .Missing}}x{{else}}none{{end}}', container)).toBe('none');
    expect(run('{{with .A}}a={{.}}{{else with .B}}b={{.}}{{else}}neither{{end}}', { B: 2 })).toBe('b=2');
  });
});

describe('range', () => {
  it('ranges over arrays and maps (sorted keys)', () => {
    expect(run('{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', container)).toBe('172.18.0.5 172.17.0.2 ');
    expect(run('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}', container)).toBe('com.a=1;com.b=2;');
    expect(run('{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}', ['x', 'y'])).toBe('0:x 1:y ');
    expect(run('{{range $e := .}}{{$e}}{{end}}', ['x', 'y'])).toBe('xy');
  });
  it('runs else for empty or nil collections', () => {
    for (const v of [[], {}, null, undefined, NIL_SLICE, NIL_MAP, 0]) expect(run('{{range .}}x{{else}}empty{{end}}', v)).toBe('empty');
  });
  it('ranges over an integer (Go 1.22)', () => {
    expect(run('{{range 3}}{{.}}{{end}}')).toBe('012');
    expect(run('{{range $i := 2}}<{{$i}}>{{end}}')).toBe('<0><1>');
  });
  it('supports break and continue', () => {
    const t = '{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}';
    expect(run(t, [1, 2, 3, 4, 5])).toBe('13');
  });
  it('keeps $ as the root and restores dot after the loop', () => {
    expect(run('{{range .Config.Env}}{{$.State.Pid}} {{end}}{{.State.Status}}', container)).toBe('4242 4242 running');
  });
});

describe('variables and pipelines', () => {
  it('declares and assigns variables with Go scoping', () => {
    expect(run('{{$x := .A}}{{$x}}{{if true}}{{$x = 2}}{{$y := 3}}{{$y}}{{end}}{{$x}}', { A: 1 })).toBe('132');
    expect(run('{{$n := 0}}{{range .}}{{$n = .}}{{end}}{{$n}}', [4, 5, 6])).toBe('6');
    expect(run('{{$v := .State}}{{$v.Status}}', container)).toBe('running');
  });
  it('passes the previous result as the last argument', () => {
    expect(run('{{.Name | printf "%s-%s" "x"}}', container)).toBe('x-/web');
    expect(run('{{"abc" | len | printf "%03d"}}')).toBe('003');
  });
  it('evaluates parenthesised pipelines and field chains on them', () => {
    expect(run('{{(index .NetworkSettings.Networks "appnet").IPAddress}}', container)).toBe('172.18.0.5');
    expect(run('{{len (index .Config.Env 1)}}', container)).toBe('20');
    expect(run('{{printf "%d-%d" (len .) (len "ab")}}', [1, 2, 3])).toBe('3-2');
  });
  it('compares against nil', () => {
    expect(run('{{eq .Health nil}} {{eq .Status nil}}', container.State)).toBe('true false');
  });
});

describe('fieldsRead (list commands skip the columns a format never reads)', () => {
  it('names the fields a template mentions, and every field when it uses the whole dot', () => {
    const table = fieldsRead('', 'table {{.ID}}\t{{.Names}}');
    expect([table('ID'), table('Names'), table('Size')]).toEqual([true, true, false]);
    expect(fieldsRead('{{.Names}} {{.Label "a"}}')('Label')).toBe(true);
    expect(fieldsRead('{{.Names}}')('Size')).toBe(false);
    for (const whole of ['{{json .}}', 'json', '{{.}}', '{{range $k, $v := .}}{{$k}}{{end}}', '{{with $}}x{{end}}', '{{printf "%v" . }}']) expect(fieldsRead(whole)('Size'), whole).toBe(true);
    expect(fieldsRead('{{$.Size}}')('Size')).toBe(true);
  });
});

describe('text-and-field templates (printed without the interpreter)', () => {
  it('print what the interpreter prints, falling back to it for anything but a string field', () => {
    const data = [goStruct({ A: 'x<y>', B: '', N: 3, F: 1.5, L: ['a'], M: { k: 'v' }, Nil: null }, 'T'), { A: 'map', B: 'b' }, goStruct({ A: 'only A' }, 'T')];
    for (const src of ['{{.A}}\t{{.B}}', '{{.A}} {{.N}} {{.F}}', '{{.L}}|{{.M}}|{{.Nil}}', '{{ .A }}-{{- .B -}} .', '{{.Missing}}', 'plain', '']) {
      for (const d of data) {
        const out = (t: string) => {
          try {
            return parseTemplate(t).execute(d);
          } catch (e) {
            return `error: ${(e as Error).message}`;
          }
        };
        expect(out(src), `${src} on ${JSON.stringify(d)}`).toBe(out(src + '{{""}}'));
      }
    }
  });
});

