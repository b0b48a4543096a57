// Tests for template-funcs.ts: Go builtins (and, or, eq, index, len, slice, printf…) and docker's json/join/split/pad/….
import { describe, expect, it } from 'vitest';
import { parseTemplate } from './template';

const run = (src: string, data: unknown = {}) => parseTemplate(src).execute(data);
const data = { L: ['a', 'b', 'c'], M: { a: [10, 20], b: null }, S: 'héllo', N: 3, Z: 0, E: '', T: true };

describe('boolean logic', () => {
  it('returns the deciding operand, like Go and/or', () => {
    expect(run('{{and 1 0 2}}|{{and 1 2}}|{{or 0 "" "x"}}|{{or 0 ""}}|{{or .Missing "dflt"}}')).toBe('0|2|x||dflt');
  });
  it('short-circuits (later arguments are not evaluated)', () => {
    expect(run('{{and false (index .L 99)}} {{or true (index .L 99)}}', data)).toBe('false true');
  });
  it('negates with not', () => {
    expect(run('{{not .Z}} {{not .S}} {{not .Missing}}', data)).toBe('true false true');
  });
});

describe('comparisons', () => {
  it('eq compares basic values, with several candidates', () => {
    expect(run('{{eq .N 3}} {{eq .S "x" "héllo"}} {{eq .T true}} {{eq 1.5 1.5}} {{eq .Missing nil}}', data)).toBe('true true true true true');
    expect(run('{{eq .S .Missing}} {{eq .L nil}} {{ne .N 4}} {{ne .S "héllo"}}', data)).toBe('false false true false');
  });
  it('orders numbers and strings', () => {
    expect(run('{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge 2 2}} {{lt "a" "b"}} {{gt "b" "a"}} {{lt 1.5 2}}')).toBe('true true false true true true true');
  });
});

describe('len, index, slice', () => {
  it('counts UTF-8 bytes of strings, elements and map keys', () => {
    expect(run('{{len .S}} {{len .L}} {{len .M}} {{len ""}}', data)).toBe('6 3 2 0');
  });
  it('indexes arrays, maps and strings (bytes), nested', () => {
    expect(run('{{index .L 1}} {{index .M "a" 1}} {{index .S 0}} {{index .M "zz"}} {{index .M "b"}}', data)).toBe('b 20 104 <no value> <nil>');
    expect(run('{{index . "a.b"}}', { 'a.b': 'dotted key' })).toBe('dotted key');
  });
  it('slices strings (bytes) and arrays', () => {
    expect(run('{{slice "hello" 1 3}} {{slice .L 1}} {{slice .L}} {{slice .L 0 0}}', data)).toBe('el [b c] [a b c] []');
  });
});

describe('printing', () => {
  it('print, println and printf follow fmt', () => {
    expect(run('{{print 1 2 "a" "b" 3}}|{{println "x" 1}}|{{printf "%-4s|%3d|%.1f|%q|%v" "ab" 7 2.25 "q" .L}}', data)).toBe(
      '1 2ab3|x 1\n|ab  |  7|2.2|"q"|[a b c]',
    );
    expect(run('{{print .Missing}} {{printf "%v" .Missing}}')).toBe('<nil> <nil>');
    expect(run('{{printf "%s-%d"}}')).toBe('%!s(MISSING)-%!d(MISSING)');
  });
  it('html, js and urlquery escape their text', () => {
    expect(run(`{{html "<a href='x'>&\\"</a>"}}`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;');
    expect(run(`{{js "a'b\\"<c>=&"}}`)).toBe(`a\\'b\\"\\u003Cc\\u003E\\u003D\\u0026`);
    expect(run('{{urlquery "a b&c=d/é~"}}')).toBe('a+b%26c%3Dd%2F%C3%A9~');
    expect(run('{{html .Missing}}')).toBe('&lt;no value&gt;');
  });
  it('call invokes a function value (a function-valued field is a method, so fetch it with index)', () => {
    expect(run('{{call (index . "F") 2 3}}', { F: (a: number, b: number) => a * b })).toBe('6');
    expect(() => run('{{call .S}}', data)).toThrow('error calling call: non-function .S of type string');
  });
});

describe('docker functions', () => {
  const inspect = { Config: { Env: ['HOME=/', 'A=<b>&c'], Labels: { 'com.x': 'y' } }, State: { Health: null }, Name: '/web' };
  it('json encodes without HTML escaping and without a trailing newline', () => {
    expect(run('{{json .Config.Env}}', inspect)).toBe('["HOME=/","A=<b>&c"]');
    expect(run('{{json .Config}}', inspect)).toBe('{"Env":["HOME=/","A=<b>&c"],"Labels":{"com.x":"y"}}');
    expect(run('{{json .State.Health}} {{json .Missing}} {{json "x"}} {{json 1}}', inspect)).toBe('null null "x" 1');
  });
  it('split, join, lower, upper, title', () => {
    expect(run('{{split "a,b,,c" ","}} {{split "ab" ""}} {{len (split "" ",")}}')).toBe('[a b  c] [a b] 1');
    expect(run('{{join .Config.Env ";"}} {{join (split "x y" " ") "+"}}', inspect)).toBe('HOME=/;A=<b>&c x+y');
    expect(run('{{lower "ÀBC"}} {{upper "straße"}} {{title "hello wide-world_x 1a"}}')).toBe('àbc STRAßE Hello Wide-World_x 1a');
  });
  it('pad adds spaces only around non-empty strings', () => {
    expect(run('[{{pad "x" 1 0}}][{{pad "" 2 2}}][{{pad .Name 2 1}}]', inspect)).toBe('[ x][][  /web ]');
  });
  it('truncate cuts by byte length', () => {
    expect(run('{{truncate "abcdef" 3}}|{{truncate "ab" 5}}|{{truncate "abc" 3}}|{{truncate "héllo" 2}}')).toBe('abc|ab|abc|h\uFFFD');
  });
  it('works in pipelines', () => {
    expect(run('{{.Name | upper | printf "%s!"}}', inspect)).toBe('/WEB!');
    expect(run('{{range .Config.Env}}{{. | lower}} {{end}}', inspect)).toBe('home=/ a=<b>&c ');
  });
});

describe('header functions (table headers stay intact)', () => {
  const header = { ID: 'CONTAINER ID', Names: 'NAMES', Labels: 'LABELS' };
  it('json/upper/lower/title/split/join/truncate return the header text', () => {
    const t = parseTemplate('{{json .ID}}\t{{upper .Names}}\t{{lower .Names}}\t{{title .Names}}\t{{truncate .ID 3}}\t{{split .Labels ","}}\t{{join .Labels ","}}');
    expect(t.execute(header, { header: true })).toBe('CONTAINER ID\tNAMES\tNAMES\tNAMES\tCONTAINER ID\tLABELS\tLABELS');
  });
  it('keeps pad, so headers align with padded columns', () => {
    expect(parseTemplate('{{pad .ID 1 1}}').execute(header, { header: true })).toBe(' CONTAINER ID ');
  });
});
