// Data-driven tests for reference.ts: every row of testdata/reference/references.tsv (verified against Go).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  fullString,
  InvalidReferenceError,
  parseDockerRef,
  parseNormalizedNamed,
  repositoryName,
  tagNameOnly,
  withTag,
} from './reference';

/** Expand the README notation `<'x'x247>` = the character x repeated 247 times. */
const expand = (s: string) => s.replace(/<'(.)'x(\d+)>/g, (_, c: string, n: string) => c.repeat(Number(n)));

const tsv = readFileSync(new URL('../../testdata/reference/references.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.split('\n').filter((l) => l !== '');
const cols = header.split('\t');
const rows = lines.map((line) => {
  const f = line.split('\t').map(expand);
  return Object.fromEntries(cols.map((c, i) => [c, f[i] ?? ''])) as Record<string, string>;
});
const ERROR_COL = cols.find((c) => c.startsWith('error_text'))!;

describe('references.tsv', () => {
  it('has all 80 rows', () => {
    expect(rows).toHaveLength(80);
  });

  for (const row of rows) {
    const input = row.input;
    const label = input.length > 70 ? `${input.slice(0, 40)}…(${input.length} chars)` : JSON.stringify(input);
    if (row.valid === 'yes') {
      it(`parses ${label}`, () => {
        const ref = parseNormalizedNamed(input);
        expect(ref.domain).toBe(row.domain);
        expect(ref.path).toBe(row.path);
        expect(ref.tag ?? '').toBe(row.tag_as_written);
        expect(ref.digest ?? '').toBe(row.digest);
        expect(familiarName(ref)).toBe(row.familiar_name);
        expect(repositoryName(ref)).toBe(row.full_normalized_name);
        const effective = tagNameOnly(ref).tag ?? '(none; digest ref)';
        expect(effective).toBe(row.effective_tag);
      });
    } else {
      it(`rejects ${label}`, () => {
        let err: unknown;
        try {
          parseNormalizedNamed(input);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(InvalidReferenceError);
        expect((err as Error).message).toBe(row[ERROR_COL]);
      });
    }
  }
});

describe('string forms', () => {
  it('fullString adds the canonical domain and library/ prefix', () => {
    expect(fullString(tagNameOnly(parseNormalizedNamed('nginx')))).toBe('docker.io/library/nginx:latest');
    expect(fullString(parseNormalizedNamed('localhost:5000/x:1'))).toBe('localhost:5000/x:1');
  });

  it('familiarString keeps tag and digest as written', () => {
    const d = 'sha256:' + 'f'.repeat(64);
    expect(familiarString(parseNormalizedNamed('docker.io/library/ubuntu:22.04'))).toBe('ubuntu:22.04');
    expect(familiarString(parseNormalizedNamed(`ubuntu:22.04@${d}`))).toBe(`ubuntu:22.04@${d}`);
    expect(familiarString(tagNameOnly(parseNormalizedNamed('bitnami/redis')))).toBe('bitnami/redis:latest');
  });

  it('tagNameOnly leaves digest references alone', () => {
    const d = 'sha256:' + 'a'.repeat(64);
    expect(tagNameOnly(parseNormalizedNamed(`redis@${d}`))).toEqual({
      domain: 'docker.io',
      path: 'library/redis',
      digest: d,
    });
  });

  it('parseDockerRef keeps only the digest when both are given', () => {
    const d = 'sha256:' + 'b'.repeat(64);
    expect(fullString(parseDockerRef(`busybox:latest@${d}`))).toBe(`docker.io/library/busybox@${d}`);
    expect(fullString(parseDockerRef('busybox'))).toBe('docker.io/library/busybox:latest');
  });

  it('withTag validates the tag', () => {
    expect(familiarString(withTag(parseNormalizedNamed('nginx'), 'v2'))).toBe('nginx:v2');
    expect(() => withTag(parseNormalizedNamed('nginx'), '-bad')).toThrow('invalid tag format');
  });
});
