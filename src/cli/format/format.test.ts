// Tests for format.ts: tabwriter tables and go-units humanizers, against reference/formats.md §1, §11, §12.
import { describe, expect, it } from 'vitest';
import { bytesSize, humanDuration, humanSize, humanSizeWithPrecision, tabwrite, tabwriteText } from './index';

const PS_HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];

describe('tabwrite (docker formatter: minwidth 10, padding 3)', () => {
  it('prints the empty docker ps header (§1)', () => {
    expect(tabwrite([PS_HEADER])).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('lays out the docker ps example (§1), empty PORTS cells padded', () => {
    const rows = [
      PS_HEADER,
      ['4a7f7eebae0f', 'nginx', '"/docker-entrypoint.…"', '2 minutes ago', 'Up 2 minutes', '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'web'],
      ['9c3527ed70ce', 'redis:7', '"docker-entrypoint.s…"', 'About an hour ago', 'Up About an hour (Paused)', '6379/tcp', 'cache'],
      ['f98f9c2aa1ea', 'alpine', `"sh -c 'echo hi; sle…"`, '3 hours ago', 'Exited (0) 3 hours ago', '', 'quirky_hopper'],
      ['0a02c449a6e9', 'busybox', '"top"', '5 seconds ago', 'Created', '', 'db'],
    ];
    expect(tabwrite(rows)).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED             STATUS                      PORTS                                     NAMES',
        '4a7f7eebae0f   nginx     "/docker-entrypoint.…"   2 minutes ago       Up 2 minutes                0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web',
        '9c3527ed70ce   redis:7   "docker-entrypoint.s…"   About an hour ago   Up About an hour (Paused)   6379/tcp                                  cache',
        `f98f9c2aa1ea   alpine    "sh -c 'echo hi; sle…"   3 hours ago         Exited (0) 3 hours ago                                                quirky_hopper`,
        '0a02c449a6e9   busybox   "top"                    5 seconds ago       Created                                                               db',
        '',
      ].join('\n'),
    );
  });

  it('keeps the padding of an empty last-but-one column (docker history, §6)', () => {
    const out = tabwrite([
      ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
      ['beefdbd8a1da', '3 weeks ago', '/bin/sh -c #(nop)  CMD ["/bin/sh"]', '0B', ''],
      ['<missing>', '3 weeks ago', '/bin/sh -c #(nop) ADD file:ba2637314e600db5a…', '8.46MB', ''],
    ]);
    expect(out).toBe(
      'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n' +
        'beefdbd8a1da   3 weeks ago   /bin/sh -c #(nop)  CMD ["/bin/sh"]              0B        \n' +
        '<missing>      3 weeks ago   /bin/sh -c #(nop) ADD file:ba2637314e600db5a…   8.46MB    \n',
    );
  });

  it('matches the system df, volume ls and stats examples', () => {
    expect(
      tabwrite([
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
        ['Images', '5', '2', '16.43MB', '11.63MB (70%)'],
        ['Local Volumes', '2', '1', '36B', '0B (0%)'],
      ]),
    ).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          5         2         16.43MB   11.63MB (70%)\n' +
        'Local Volumes   2         1         36B       0B (0%)\n',
    );
    expect(tabwrite([['DRIVER', 'VOLUME NAME'], ['local', 'mydata']])).toBe('DRIVER    VOLUME NAME\nlocal     mydata\n');
    expect(
      tabwrite([
        ['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'],
        ['b95a83497c91', 'awesome_brattain', '0.28%', '5.629MiB / 1.952GiB', '0.28%', '916B / 0B', '147kB / 0B', '9'],
      ]),
    ).toBe(
      'CONTAINER ID   NAME               CPU %     MEM USAGE / LIMIT     MEM %     NET I/O     BLOCK I/O    PIDS\n' +
        'b95a83497c91   awesome_brattain   0.28%     5.629MiB / 1.952GiB   0.28%     916B / 0B   147kB / 0B   9\n',
    );
  });

  it('uses minwidth 20 for docker top', () => {
    const out = tabwrite(
      [
        ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
        ['root', '1234', '1210', '0', '10:00', '?', '00:00:00', 'nginx: master process nginx -g daemon off;'],
      ],
      { minwidth: 20 },
    );
    const pad = (s: string) => s.padEnd(20);
    expect(out).toBe(
      ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME'].map(pad).join('') + 'CMD\n' +
        ['root', '1234', '1210', '0', '10:00', '?', '00:00:00'].map(pad).join('') + 'nginx: master process nginx -g daemon off;\n',
    );
  });

  it('counts code points, not UTF-16 units', () => {
    expect(tabwrite([['😀x', 'y'], ['a', 'b']])).toBe('😀x        y\na         b\n');
  });

  it('returns "" for no rows and keeps an empty row as an empty line', () => {
    expect(tabwrite([])).toBe('');
    expect(tabwrite([['a', 'b'], [], ['c', 'd']])).toBe('a         b\n\nc         d\n');
  });
});

describe('tabwriteText (Go text/tabwriter column blocks)', () => {
  it('passes lines without tabs through and splits column blocks at them', () => {
    const text = 'Client:\n Version:\t27.5.1\n API version:\t1.47\n\nServer:\n Engine:\n  Version:\t27.5.1\n  API version:\t1.47 (minimum version 1.24)\n';
    expect(tabwriteText(text, { minwidth: 1, padding: 1 })).toBe(
      'Client:\n Version:     27.5.1\n API version: 1.47\n\nServer:\n Engine:\n  Version:     27.5.1\n  API version: 1.47 (minimum version 1.24)\n',
    );
  });

  it('aligns only contiguous cells of a column (the Go doc example)', () => {
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n';
    expect(tabwriteText(text, { minwidth: 0, padding: 1 })).toBe('aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n');
  });

  it('treats text after the last tab as an unpadded trailing cell and keeps a missing final newline', () => {
    expect(tabwriteText('a\tb\nlonger\tc', { minwidth: 0, padding: 2 })).toBe('a       b\nlonger  c');
    expect(tabwriteText('x\t\n', {})).toBe('x         \n');
  });
});

describe('humanDuration (go-units, §11)', () => {
  const m = 60;
  const h = 3600;
  const d = 24 * h;
  const table: [number, string][] = [
    [0.4, 'Less than a second'], [1, '1 second'], [1.9, '1 second'], [47, '47 seconds'], [59.9, '59 seconds'],
    [60, 'About a minute'], [119, 'About a minute'], [120, '2 minutes'], [35 * m + 40, '35 minutes'], [3599, '59 minutes'],
    [3600, 'About an hour'], [h + 29 * m + 59, 'About an hour'], [h + 30 * m, '2 hours'], [h + 45 * m, '2 hours'],
    [3 * h + 59 * m, '4 hours'], [24 * h, '24 hours'], [36 * h, '36 hours'], [47 * h + 59 * m + 59, '2 days'], [48 * h, '2 days'],
    [7 * d, '7 days'], [13 * d + 5 * h, '13 days'], [14 * d, '2 weeks'], [4 * 7 * d + 3 * d, '4 weeks'], [30 * d, '4 weeks'],
    [44 * d, '6 weeks'], [60 * d, '2 months'], [97 * d, '3 months'], [13 * 30 * d, '13 months'], [24 * 30 * d, '24 months'],
    [730 * d - 1, '1 years'], [730 * d, '2 years'], [3 * 365 * d + 60 * d, '3 years'],
  ];
  it.each(table)('%s s → %s', (secs, want) => expect(humanDuration(secs)).toBe(want));
  it('treats negative durations as less than a second', () => expect(humanDuration(-5)).toBe('Less than a second'));
});

describe('human sizes (go-units, §12)', () => {
  const table: [number, string, string][] = [
    [0, '0B', '0B'], [999, '999B', '999B'], [1000, '1kB', '1kB'], [1024, '1.024kB', '1.02kB'], [1500, '1.5kB', '1.5kB'],
    [13256, '13.26kB', '13.3kB'], [999499, '999.5kB', '999kB'], [999950, '1000kB', '1e+03kB'], [1000000, '1MB', '1MB'],
    [1048576, '1.049MB', '1.05MB'], [7377000, '7.377MB', '7.38MB'], [141512345, '141.5MB', '142MB'],
    [2345678901, '2.346GB', '2.35GB'],
  ];
  it.each(table)('%s bytes → %s / %s', (n, four, three) => {
    expect(humanSize(n)).toBe(four);
    expect(humanSizeWithPrecision(n, 3)).toBe(three);
  });
  it('matches the go-units tests', () => {
    expect(humanSize(3.42 * 1000 ** 3)).toBe('3.42GB');
    expect(bytesSize(1024)).toBe('1KiB');
    expect(bytesSize(3.42 * 1024 ** 3)).toBe('3.42GiB');
  });
  it('formats binary sizes with %.4g', () => {
    expect(bytesSize(5.629 * 1024 * 1024)).toBe('5.629MiB');
    expect(bytesSize(196 * 1024)).toBe('196KiB');
    expect(bytesSize(8227635200)).toBe('7.663GiB');
    expect(bytesSize(10368)).toBe('10.12KiB'); // exact tie 10.125 rounds half to even, like Go
    expect(bytesSize(500)).toBe('500B');
  });
  it('stops at the largest unit', () => {
    expect(humanSize(1e27)).toBe('1000YB');
    expect(humanSizeWithPrecision(2.5e30, 3)).toBe('2.5e+06YB');
  });
});
