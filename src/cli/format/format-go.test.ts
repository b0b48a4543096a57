// Tests for format-go.ts and format-printf.ts: Go %g/%e/%f float formatting, fmt printing and encoding/json.
import { describe, expect, it } from 'vitest';
import { goFormatFloat, goFormatG, goJSON, goJSONByHand, goJSONIndent, goStruct, NIL_MAP, NIL_PTR, NIL_SLICE } from './format-go';
import { sprint, sprintf, sprintln, sprintValue } from './format-printf';

describe('goFormatG / goFormatFloat (strconv)', () => {
  it('switches %g to exponent form when the rounded exponent reaches the precision', () => {
    expect(goFormatG(999.95, 3)).toBe('1e+03');
    expect(goFormatG(999.95, 4)).toBe('1000');
    expect(goFormatG(999.499, 3)).toBe('999');
    expect(goFormatG(123456, 4)).toBe('1.235e+05');
    expect(goFormatG(0.00001, 4)).toBe('1e-05');
    expect(goFormatG(0.0001, 4)).toBe('0.0001');
    expect(goFormatG(0, 4)).toBe('0');
    expect(goFormatG(1.5, 0)).toBe('2');
  });
  it('formats shortest %g like fmt %v (exponent at 1e+06 and 1e-05)', () => {
    expect(goFormatG(1e6, -1)).toBe('1e+06');
    expect(goFormatG(100000, -1)).toBe('100000');
    expect(goFormatG(123456789, -1)).toBe('1.23456789e+08');
    expect(goFormatG(3.14, -1)).toBe('3.14');
    expect(goFormatG(0.1 + 0.2, -1)).toBe('0.30000000000000004');
    expect(goFormatG(1e21, -1)).toBe('1e+21');
    expect(goFormatG(-2.5e-7, -1)).toBe('-2.5e-07');
  });
  it('rounds exact halves to even, like Go', () => {
    expect(goFormatFloat(0.5, 'f', 0)).toBe('0');
    expect(goFormatFloat(1.5, 'f', 0)).toBe('2');
    expect(goFormatFloat(2.5, 'f', 0)).toBe('2');
    expect(goFormatFloat(0.125, 'f', 2)).toBe('0.12');
    expect(goFormatFloat(0.375, 'f', 2)).toBe('0.38');
    expect(goFormatFloat(10.125, 'g', 4)).toBe('10.12');
  });
  it('formats %e and %f', () => {
    expect(goFormatFloat(1234.5678, 'e', 6)).toBe('1.234568e+03');
    expect(goFormatFloat(0, 'e', 2)).toBe('0.00e+00');
    expect(goFormatFloat(1e-10, 'E', 6)).toBe('1.000000E-10');
    expect(goFormatFloat(1e100, 'e', 1)).toBe('1.0e+100');
    expect(goFormatFloat(3.14159, 'f', 2)).toBe('3.14');
    expect(goFormatFloat(0.06, 'f', 1)).toBe('0.1');
    expect(goFormatFloat(0.001, 'f', 1)).toBe('0.0');
    expect(goFormatFloat(123.456, 'f', -1)).toBe('123.456');
    expect(goFormatFloat(Infinity, 'g', -1)).toBe('+Inf');
    expect(goFormatFloat(NaN, 'f', 2)).toBe('NaN');
  });
});

describe('sprintf (fmt.Sprintf)', () => {
  it('formats integers with flags and widths', () => {
    expect(sprintf('%d|%5d|%-5d|%05d|%+d|% d', [42, 42, 42, -42, 5, 5])).toBe('42|   42|42   |-0042|+5| 5');
    expect(sprintf('%x %X %#x %o %b %c %q %U', [255, 255, 255, 8, 5, 65, 65, 0x1f600])).toBe("ff FF 0xff 10 101 A 'A' U+1F600");
    expect(sprintf('%x %.3d %*d', [-255, 7, 5, 42])).toBe('-ff 007    42');
  });
  it('formats floats', () => {
    expect(sprintf('%.2f|%5.1f|%08.3f|%+.2f|%e|%g|%v', [3.14159, 3.14159, -3.14159, 1, 1234.5678, 1e6, 0.5])).toBe(
      '3.14|  3.1|-003.142|+1.00|1.234568e+03|1e+06|0.5',
    );
    expect(sprintf('%6.2f%%', [3.14159])).toBe('  3.14%');
  });
  it('formats strings, booleans and composites', () => {
    expect(sprintf('%s|%.2s|%5s|%-5s|%q|%x|%t|%v', ['abc', 'abc', 'ab', 'ab', 'a"b', 'hi', true, false])).toBe(
      'abc|ab|   ab|ab   |"a\\"b"|6869|true|false',
    );
    expect(sprintf('%v %v %s %d', [[1, 'a'], { b: 2, a: [1] }, ['x', 'y'], [1, 2]])).toBe('[1 a] map[a:[1] b:2] [x y] [1 2]');
    expect(sprintf('%5v', [[1, 2]])).toBe('[    1     2]');
  });
  it('reports bad verbs, missing and extra operands like Go', () => {
    expect(sprintf('%s %d %d %d %t', [5, 'x', 1.5, null, 1])).toBe('%!s(int=5) %!d(string=x) %!d(float64=1.5) %!d(<nil>) %!t(int=1)');
    expect(sprintf('%d %d', [1])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [1, 'a', null])).toBe('1%!(EXTRA string=a, <nil>)');
    expect(sprintf('100%', [])).toBe('100%!(NOVERB)');
    expect(sprintf('%z', [1])).toBe('%!z(int=1)');
    expect(sprintf('%d', [['a']])).toBe('[%!d(string=a)]');
    expect(sprintf('%5d', ['x'])).toBe('%!d(string=    x)');
  });
  it('formats %T and %%', () => {
    expect(sprintf('%T %T %T %T %T %%', [1, 'a', [1], { a: 1 }, null])).toBe('int string []interface {} map[string]interface {} <nil> %');
  });
});

describe('sprint / sprintln / sprintValue (%v)', () => {
  it('adds spaces between non-string operands only', () => {
    expect(sprint([1, 2, 'a', 'b', 3])).toBe('1 2ab3');
    expect(sprint(['a', 1, 2, 'b'])).toBe('a1 2b');
    expect(sprintln([1, 'a', null])).toBe('1 a <nil>\n');
  });
  it('prints Go values', () => {
    expect(sprintValue(['HOME=/', 'PATH=/usr/bin'])).toBe('[HOME=/ PATH=/usr/bin]');
    expect(sprintValue({ z: 1, a: { y: true, b: null } })).toBe('map[a:map[b:<nil> y:true] z:1]');
    expect(sprintValue([{ a: 1 }, null, 1.5, 10n])).toBe('[map[a:1] <nil> 1.5 10]');
    expect(sprintValue(2 ** 53)).toBe('9007199254740992');
    expect(sprintValue(-0.000001)).toBe('-1e-06');
    expect(sprintValue(null)).toBe('<nil>');
  });
  it('prints typed nils and structs', () => {
    expect(sprintValue(NIL_SLICE)).toBe('[]');
    expect(sprintValue(NIL_MAP)).toBe('map[]');
    expect(sprintValue(NIL_PTR)).toBe('<nil>');
    expect(sprintValue(goStruct({ Status: 'running', Running: true, Pid: 7 }, 'types.State'))).toBe('{running true 7}');
  });
});

describe('goJSON (encoding/json without HTML escaping)', () => {
  it('encodes like docker --format "{{json .}}"', () => {
    expect(goJSON({ Command: '"/docker-entrypoint.…"', Size: '0B', Labels: '', Ports: '0.0.0.0:80->80/tcp' })).toBe(
      '{"Command":"\\"/docker-entrypoint.…\\"","Size":"0B","Labels":"","Ports":"0.0.0.0:80->80/tcp"}',
    );
    expect(goJSON(['HOME=/', 'A=<b>&c'])).toBe('["HOME=/","A=<b>&c"]');
  });
  it('escapes control characters and U+2028/2029', () => {
    expect(goJSON('a\nb\tc\r\x01\b\f\u2028"\\')).toBe('"a\\nb\\tc\\r\\u0001\\b\\f\\u2028\\"\\\\"');
  });
  it('encodes numbers, nils and skips undefined fields', () => {
    expect(goJSON({ a: 1, b: 1.5, c: null, d: undefined, e: NIL_SLICE, f: [undefined], g: 1e21, h: 67108864 })).toBe(
      '{"a":1,"b":1.5,"c":null,"e":null,"f":[null],"g":1e+21,"h":67108864}',
    );
    expect(goJSON({})).toBe('{}');
    expect(goJSON([])).toBe('[]');
    expect(goJSON(true)).toBe('true');
  });
});

describe('goJSONIndent (json.MarshalIndent, 4 spaces, as docker inspect prints)', () => {
  it('indents nested values and keeps empty ones compact', () => {
    const net = { Name: 'bridge', IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16' }] }, Containers: {}, Labels: {}, Env: [] };
    expect(goJSONIndent([net])).toBe(
      [
        '[',
        '    {',
        '        "Name": "bridge",',
        '        "IPAM": {',
        '            "Driver": "default",',
        '            "Options": null,',
        '            "Config": [',
        '                {',
        '                    "Subnet": "172.17.0.0/16"',
        '                }',
        '            ]',
        '        },',
        '        "Containers": {},',
        '        "Labels": {},',
        '        "Env": []',
        '    }',
        ']',
      ].join('\n'),
    );
  });
  it('escapes HTML characters by default, like the daemon', () => {
    expect(goJSONIndent({ Env: ['A=<b>&c'] }, '  ')).toBe('{\n  "Env": [\n    "A=\\u003cb\\u003e\\u0026c"\n  ]\n}');
    expect(goJSON('<&>', { escapeHTML: true })).toBe('"\\u003c\\u0026\\u003e"');
  });
  it('writes the same text through JSON.stringify as by hand, escapes and odd values included', () => {
    const values: unknown[] = [
      { a: 'x<y>&z', 'k<&>': [1, -0, 1.5, 1e-7, 1e20, 2 ** 63, 1e21, NaN, Infinity], c: null, d: undefined, e: NIL_SLICE, f: [undefined, () => 1] },
      { s: 'a\nb\tc\r\x01\b\f\x7f\u2028\u2029"\\é€😀', slash: '\\ud800', empty: {}, arr: [], nested: [[], [{}], { x: [NIL_MAP, NIL_PTR] }] },
      { lone: 'a\ud800b' },
      { a: 1e21 },
      [],
      {},
      'plain',
      42,
      null,
      NIL_PTR,
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
      Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false }),
      { big: 10n, sym: Symbol('s'), when: new Date(0) },
    ];
    for (const v of values) {
      for (const indent of ['    ', '', '  ']) {
        for (const escapeHTML of [true, false]) expect(goJSONIndent(v, indent, { escapeHTML }), `${indent.length} ${escapeHTML}`).toBe(goJSONByHand(v, indent, escapeHTML));
      }
    }
    expect(goJSONIndent({ a: '<\u2028' })).toBe('{\n    "a": "\\u003c\\u2028"\n}');
  });
});
