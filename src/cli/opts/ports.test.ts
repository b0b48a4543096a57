// Data-driven tests for ports.ts: every row of testdata/reference/ports.tsv, go-connections v0.5.0 columns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidIP, parsePortSpec, parsePortSpecs, PortSpecError } from './ports';

const tsv = readFileSync(new URL('../../../testdata/reference/ports.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.split('\n').filter((l) => l !== '');
const cols = header.split('\t');
const col = (prefix: string) => cols.findIndex((c) => c.startsWith(prefix));
const [SPEC, VALID, BINDINGS, ERROR] = [col('spec'), col('valid'), col('bindings'), col('error (Docker 25.0-28.4')];
const rows = lines.map((l) => l.split('\t'));

/** The TSV notation `80/tcp | 127.0.0.1 | 8080; …` as [port/proto, hostIp, hostPort] triples. */
const triples = (cell: string) => cell.split(';').map((b) => b.split('|').map((f) => f.trim()));
const render = (spec: string) =>
  parsePortSpec(spec).map((m) => [`${m.containerPort}/${m.proto}`, m.hostIp, m.hostPort]);

describe('ports.tsv (go-connections nat v0.5.0)', () => {
  it('has all 49 rows and the expected columns', () => {
    expect(rows).toHaveLength(49);
    expect([SPEC, VALID, BINDINGS, ERROR].every((i) => i >= 0)).toBe(true);
  });

  for (const row of rows) {
    const spec = row[SPEC] === '(empty string)' ? '' : row[SPEC];
    if (row[VALID] === 'yes') {
      it(`parses ${JSON.stringify(spec)}`, () => {
        expect(render(spec)).toEqual(triples(row[BINDINGS]));
      });
    } else {
      it(`rejects ${JSON.stringify(spec)}`, () => {
        let err: unknown;
        try {
          parsePortSpec(spec);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(PortSpecError);
        expect((err as Error).message).toBe(row[ERROR]);
      });
    }
  }
});

describe('parsePortSpecs', () => {
  it('groups bindings per port/proto in first-seen order', () => {
    expect(parsePortSpecs(['8080:80', '127.0.0.1:8081:80', '53:53/udp'])).toEqual({
      exposedPorts: ['80/tcp', '53/udp'],
      bindings: {
        '80/tcp': [
          { hostIp: '', hostPort: '8080' },
          { hostIp: '127.0.0.1', hostPort: '8081' },
        ],
        '53/udp': [{ hostIp: '', hostPort: '53' }],
      },
    });
  });

  it('fails on the first bad spec', () => {
    expect(() => parsePortSpecs(['80', 'abc'])).toThrow('invalid containerPort: abc');
  });
});

describe('isValidIP (Go net.ParseIP)', () => {
  it.each(['0.0.0.0', '10.1.2.3', '::', '::1', '2001:db8::1', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8', 'fe80::'])(
    'accepts %s',
    (ip) => expect(isValidIP(ip)).toBe(true),
  );
  it.each(['', '1.2.3', '01.2.3.4', '256.0.0.1', '1:2:3:4:5:6:7:8:9', '1::2::3', ':1', '1:', '12345::', 'fe80::1%eth0'])(
    'rejects %j',
    (ip) => expect(isValidIP(ip)).toBe(false),
  );
});
