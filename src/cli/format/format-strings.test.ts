// Tests for format.ts string helpers: Ellipsis, strconv.Quote, TruncateID and Go time formatting.
import { describe, expect, it } from 'vitest';
import { ellipsis, formatGoTime, GO_ZERO_TIME_MS, goQuote, rfc3339Nano, truncateId } from './index';

describe('ellipsis (docker/cli formatter.Ellipsis)', () => {
  it('cuts docker ps commands to 20 cells (§2)', () => {
    expect(ellipsis(`/docker-entrypoint.sh nginx -g 'daemon off;'`, 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis(`sh -c 'echo hi; sleep 10'`, 20)).toBe(`sh -c 'echo hi; sle…`);
    expect(ellipsis('docker-entrypoint.sh redis-server', 20)).toBe('docker-entrypoint.s…');
    expect(ellipsis('top', 20)).toBe('top');
  });
  it('keeps strings that fit exactly', () => {
    expect(ellipsis('12345678901234567890', 20)).toBe('12345678901234567890');
    expect(ellipsis('123456789012345678901', 20)).toBe('1234567890123456789…');
  });
  it('counts East Asian wide characters as 2 cells', () => {
    expect(ellipsis('你好世界abc', 5)).toBe('你好…');
    expect(ellipsis('你好', 4)).toBe('你好');
    expect(ellipsis('a你好', 4)).toBe('a你…');
  });
  it('handles tiny widths like Go', () => {
    expect(ellipsis('abc', 0)).toBe('');
    expect(ellipsis('abc', 1)).toBe('a');
    expect(ellipsis('abc', 2)).toBe('a…');
  });
  it('truncates docker history CREATED BY at 45', () => {
    const cmd = '/bin/sh -c #(nop) ADD file:ba2637314e600db5a2c4b2b9b8b7d4a0f0c5d1e2f3 in / ';
    expect(ellipsis(cmd, 45)).toBe('/bin/sh -c #(nop) ADD file:ba2637314e600db5a…');
  });
});

describe('goQuote (strconv.Quote)', () => {
  it('quotes docker ps commands', () => {
    expect(goQuote('/docker-entrypoint.…')).toBe('"/docker-entrypoint.…"');
    expect(goQuote('top')).toBe('"top"');
    expect(goQuote('sh -c "echo hi"')).toBe('"sh -c \\"echo hi\\""');
  });
  it('escapes backslashes, control characters and non-printables', () => {
    expect(goQuote('a\\b')).toBe('"a\\\\b"');
    expect(goQuote('a\tb\nc\r\x07\b\f\v')).toBe('"a\\tb\\nc\\r\\a\\b\\f\\v"');
    expect(goQuote('\x1b[0m\x00\x7f')).toBe('"\\x1b[0m\\x00\\x7f"');
    expect(goQuote('nbsp\u00a0zw\u200bbom\ufeff')).toBe('"nbsp\\u00a0zw\\u200bbom\\ufeff"');
  });
  it('keeps printable unicode', () => {
    expect(goQuote('héllo 世界 😀 …')).toBe('"héllo 世界 😀 …"');
    expect(goQuote('')).toBe('""');
  });
});

describe('truncateId (stringid.TruncateID)', () => {
  const hex = '4a7f7eebae0f1234567890abcdef1234567890abcdef1234567890abcdef1234';
  it('keeps 12 characters after an optional algorithm prefix', () => {
    expect(truncateId(hex)).toBe('4a7f7eebae0f');
    expect(truncateId('sha256:' + hex)).toBe('4a7f7eebae0f');
    expect(truncateId('abc')).toBe('abc');
    expect(truncateId('a:b:c')).toBe('b:c');
  });
});

describe('Go time formatting', () => {
  const t = Date.UTC(2021, 2, 10, 0, 15, 5);
  it('formats time.Time.String() in UTC', () => {
    expect(formatGoTime(t)).toBe('2021-03-10 00:15:05 +0000 UTC');
  });
  it('shows non-zero fractions, trailing zeros trimmed', () => {
    expect(formatGoTime(t + 120)).toBe('2021-03-10 00:15:05.12 +0000 UTC');
    expect(formatGoTime(t, { nanos: 7 })).toBe('2021-03-10 00:15:05.000000007 +0000 UTC');
  });
  it('renders a zone like the docs example', () => {
    expect(formatGoTime(t, { offsetMinutes: 60, zone: 'CET' })).toBe('2021-03-10 01:15:05 +0100 CET');
    expect(formatGoTime(t, { offsetMinutes: -330 })).toBe('2021-03-09 18:45:05 -0530 -0530');
  });
  it('formats RFC3339Nano like docker inspect', () => {
    expect(rfc3339Nano(Date.UTC(2024, 4, 1, 10, 0, 0, 123), { nanos: 456789 })).toBe('2024-05-01T10:00:00.123456789Z');
    expect(rfc3339Nano(Date.UTC(2024, 4, 1, 10, 0, 0, 500))).toBe('2024-05-01T10:00:00.5Z');
    expect(rfc3339Nano(Date.UTC(2017, 5, 22, 20, 27, 43))).toBe('2017-06-22T20:27:43Z');
    expect(rfc3339Nano(t, { offsetMinutes: 60 })).toBe('2021-03-10T01:15:05+01:00');
  });
  it("formats Go's zero time", () => {
    expect(rfc3339Nano(GO_ZERO_TIME_MS)).toBe('0001-01-01T00:00:00Z');
    expect(formatGoTime(GO_ZERO_TIME_MS)).toBe('0001-01-01 00:00:00 +0000 UTC');
  });
});
