// pflag-compatible parsing: grouped shorthands, attached values, `--`, interspersed=false, and pflag's error texts.
import { describe, expect, it } from 'vitest';
import { flagUsages, parseFlags, type FlagDef } from './flags';

const defs: FlagDef[] = [
  { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'publish', short: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', default: 'all' },
  { name: 'time', short: 't2', type: 'int', usage: 'Seconds to wait' },
];

describe('parseFlags', () => {
  it('groups boolean shorthands (-dit) and keeps interspersed=false args for the container', () => {
    const r = parseFlags(['-dit', '--name', 'web', 'ubuntu', 'ls', '-la', '--name', 'x'], defs, false);
    expect([r.flags.bool('detach'), r.flags.bool('interactive'), r.flags.bool('tty')]).toEqual([true, true, true]);
    expect(r.flags.string('name')).toBe('web');
    expect(r.args).toEqual(['ubuntu', 'ls', '-la', '--name', 'x']);
  });

  it('accepts attached, = and repeated values', () => {
    const r = parseFlags(['-p8080:80', '-p', '443:443', '--env=A=1', '-e=B=2', '-eC=3', '--name=db', 'x'], defs);
    expect(r.flags.list('publish')).toEqual(['8080:80', '443:443']);
    expect(r.flags.list('env')).toEqual(['A=1', 'B=2', 'C=3']);
    expect(r.flags.string('name')).toBe('db');
    expect(r.args).toEqual(['x']);
  });

  it('interspersed (default) collects flags after positionals; -- ends flags', () => {
    const r = parseFlags(['a', '-d', 'b', '--', '-i', 'c'], defs);
    expect(r.flags.bool('detach')).toBe(true);
    expect(r.flags.bool('interactive')).toBe(false);
    expect(r.args).toEqual(['a', 'b', '-i', 'c']);
  });

  it('defaults, changed() and bool=false', () => {
    const r = parseFlags(['--detach=false'], defs);
    expect(r.flags.bool('detach')).toBe(false);
    expect(r.flags.changed('detach')).toBe(true);
    expect(r.flags.string('tail')).toBe('all');
    expect(r.flags.changed('tail')).toBe(false);
  });

  it('reports pflag errors word for word', () => {
    expect(() => parseFlags(['--foo'], defs)).toThrow('unknown flag: --foo');
    expect(() => parseFlags(['-z'], defs)).toThrow("unknown shorthand flag: 'z' in -z");
    expect(() => parseFlags(['-dz'], defs)).toThrow("unknown shorthand flag: 'z' in -z");
    expect(() => parseFlags(['--name'], defs)).toThrow('flag needs an argument: --name');
    expect(() => parseFlags(['-e'], defs)).toThrow("flag needs an argument: 'e' in -e");
    expect(() => parseFlags(['--detach=maybe'], defs)).toThrow('invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(() => parseFlags(['--time', 'abc'], defs)).toThrow('invalid argument "abc" for "-t2, --time" flag: strconv.ParseInt: parsing "abc": invalid syntax');
  });

  it('sees --help and -h', () => {
    expect(parseFlags(['--help'], defs).help).toBe(true);
    expect(parseFlags(['-h'], defs).help).toBe(true);
  });
});

describe('flagUsages (pflag FlagUsages layout)', () => {
  it('aligns the usage column three spaces after the longest flag, sorted by name, with defaults', () => {
    expect(flagUsages(defs.slice(0, 7))).toBe(
      [
        '  -d, --detach         Run container in background and print container ID',
        '  -e, --env list       Set environment variables',
        '  -i, --interactive    Keep STDIN open even if not attached',
        '      --name string    Assign a name to the container',
        "  -p, --publish list   Publish a container's port(s) to the host",
        '  -n, --tail string    Number of lines to show from the end of the logs (default "all")',
        '  -t, --tty            Allocate a pseudo-TTY',
      ].join('\n'),
    );
  });
});
