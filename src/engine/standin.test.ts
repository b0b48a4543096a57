// Stand-in binary headers: written and read back the same way everywhere.
import { describe, expect, it } from 'vitest';
import { standInContent, standInOf } from './standin';

describe('stand-in binaries', () => {
  it('round-trip package and program', () => {
    expect(standInContent('iputils-ping', 'ping')).toBe('\u007fELF dockerlings-stand-in: iputils-ping ping\n');
    expect(standInOf(standInContent('iputils-ping', 'ping') + 'more\n')).toEqual({ pkg: 'iputils-ping', name: 'ping' });
    expect(standInOf('\u007fELF dockerlings-stand-in: nginx')).toEqual({ pkg: 'nginx', name: 'nginx' });
    expect(standInOf('#!/bin/sh\nexec "$@"\n')).toBeNull();
  });
});
