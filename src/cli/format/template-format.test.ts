// Tests for template.ts docker --format handling: prepareFormat, renderFormat (tables, json, errors) and §15 examples.
import { describe, expect, it } from 'vitest';
import { parseTemplate, prepareFormat, renderFormat } from './template';

const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const PS_HEADER = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', Status: 'STATUS', Ports: 'PORTS', Names: 'NAMES' };
const row = (ID: string, Image: string, Command: string, RunningFor: string, Status: string, Ports: string, Names: string) =>
  ({ ID, Image, Command, RunningFor, Status, Ports, Names });
const PS_ROWS = [
  row('4a7f7eebae0f', 'nginx', '"/docker-entrypoint.…"', '2 minutes ago', 'Up 2 minutes', '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'web'),
  row('9c3527ed70ce', 'redis:7', '"docker-entrypoint.s…"', 'About an hour ago', 'Up About an hour (Paused)', '6379/tcp', 'cache'),
  row('f98f9c2aa1ea', 'alpine', `"sh -c 'echo hi; sle…"`, '3 hours ago', 'Exited (0) 3 hours ago', '', 'quirky_hopper'),
  row('0a02c449a6e9', 'busybox', '"top"', '5 seconds ago', 'Created', '', 'db'),
];
const ps = (format: string, rows: unknown[] = PS_ROWS) => renderFormat(format, rows, { header: PS_HEADER, defaultTableFormat: PS_TABLE });

describe('prepareFormat (docker/cli formatter preFormat)', () => {
  it('detects table mode, trims spaces and converts \\t / \\n escapes', () => {
    expect(prepareFormat('table {{.ID}}\\t{{.Names}}')).toEqual({ table: true, template: '{{.ID}}\t{{.Names}}' });
    expect(prepareFormat('  {{.ID}}\\n{{.Names}}  ')).toEqual({ table: false, template: '{{.ID}}\n{{.Names}}' });
    expect(prepareFormat('tablefoo')).toEqual({ table: true, template: 'foo' });
    expect(prepareFormat('\t{{.ID}}\t')).toEqual({ table: false, template: '\t{{.ID}}\t' });
  });
  it('expands bare json and table', () => {
    expect(prepareFormat('json')).toEqual({ table: false, template: '{{json .}}' });
    expect(prepareFormat('table json')).toEqual({ table: true, template: 'json' });
    expect(prepareFormat('table', PS_TABLE)).toEqual({ table: true, template: PS_TABLE.slice(6) });
    expect(prepareFormat('', PS_TABLE)).toEqual({ table: true, template: PS_TABLE.slice(6) });
    expect(prepareFormat('table')).toEqual({ table: true, template: '' });
  });
});

describe('renderFormat (docker/cli formatter Context.Write)', () => {
  it('renders the default docker ps table (§1)', () => {
    expect(ps('')).toBe(
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
  it('prints only the header when there are no rows (§1)', () => {
    expect(ps('table', [])).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });
  it('renders custom formats without a header (§15)', () => {
    expect(ps('{{.Names}}')).toBe('web\ncache\nquirky_hopper\ndb\n');
    expect(ps('{{.ID}}: {{.Command}}', PS_ROWS.slice(0, 2))).toBe('4a7f7eebae0f: "/docker-entrypoint.…"\n9c3527ed70ce: "docker-entrypoint.s…"\n');
    expect(ps('{{.ID}}', [])).toBe('');
  });
  it('renders custom tables with headers', () => {
    expect(ps('table {{.Names}}\\t{{.Status}}', PS_ROWS.slice(0, 2))).toBe('NAMES     STATUS\nweb       Up 2 minutes\ncache     Up About an hour (Paused)\n');
    expect(ps('table {{.ID}}\t{{upper .Names}}', PS_ROWS.slice(3))).toBe('CONTAINER ID   NAMES\n0a02c449a6e9   DB\n');
  });
  it('prints one JSON object per line for --format json', () => {
    expect(ps('json', PS_ROWS.slice(3))).toBe(
      '{"ID":"0a02c449a6e9","Image":"busybox","Command":"\\"top\\"","RunningFor":"5 seconds ago","Status":"Created","Ports":"","Names":"db"}\n',
    );
  });
  it('wraps parse and execution errors like docker, printing nothing', () => {
    expect(() => ps('{{.ID', [])).toThrow('template parsing error: template: :1: unclosed action');
    expect(() => ps('{{.Names}}{{.X.Y}}', [{ Names: 'a', X: null }])).toThrow(
      'template parsing error: template: :1:14: executing "" at <.X.Y>: nil pointer evaluating interface {}.Y',
    );
  });
  it('ignores header errors, keeping the partial header', () => {
    expect(renderFormat('table {{.A}}\t{{index .L 3}}', [{ A: 'x', L: [1, 2, 3, 4] }], { header: { A: 'A' } })).toBe('A         \nx         4\n');
  });
});

describe('docker inspect -f examples (§15)', () => {
  const c = {
    Id: 'a762a2b37a1d6c0ad8e2',
    State: { Status: 'running', Pid: 1234 },
    Config: { Env: ['HOME=/', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Image: 'nginx' },
    NetworkSettings: { IPAddress: '172.17.0.2', Networks: { bridge: { IPAddress: '172.17.0.2' } } },
  };
  const f = (t: string, d: unknown = c) => parseTemplate(t).execute(d);
  it('reads fields, ranges over networks and prints slices the Go way', () => {
    expect(f('{{.State.Status}}')).toBe('running');
    expect(f('{{.NetworkSettings.IPAddress}}')).toBe('172.17.0.2');
    expect(f('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')).toBe('172.17.0.2');
    expect(f('{{json .Config.Env}}')).toBe('["HOME=/","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]');
    expect(f('{{ .Config.Env }}')).toBe('[HOME=/ PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin]');
    expect(f('{{.Id}}')).toBe('a762a2b37a1d6c0ad8e2');
  });
  it('renders <no value> for keys absent from the JSON (e.g. IPAddress on Docker 29)', () => {
    const v29 = { NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } } };
    expect(f('{{.NetworkSettings.IPAddress}}', v29)).toBe('<no value>');
    expect(f('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', v29)).toBe('172.17.0.2');
  });
  it('pads non-empty strings and truncates by bytes (§15)', () => {
    expect(f('[{{pad .Config.Image 1 0}}][{{pad .Missing2 1 0}}]', { Config: { Image: 'nginx' }, Missing2: '' })).toBe('[ nginx][]');
    expect(f('{{truncate .Id 12}}')).toBe('a762a2b37a1d');
  });
});
