// An inspect template gets a copy of only the fields it can read: what it prints and its errors are as with every field.
import { describe, expect, it } from 'vitest';
import { createEngine, loadAllImageData } from '../engine/index';
import { cli } from './testing';

await loadAllImageData();

/** Appended to a template, an action never run that reads the whole dot: every field is copied, nothing else changes. */
const ALL = '{{if false}}{{.}}{{end}}';

const TEMPLATES = [
  '{{.Name}}',
  '{{.Id}}',
  '{{.Config}}',
  '{{.Config.Image}} {{.State.Status}}',
  '{{.HostConfig.RestartPolicy}}',
  '{{json .IPAM}}',
  '{{range $k, $v := .Containers}}{{$v.Name}} {{end}}',
  '{{len .Containers}}',
  '{{.Nope}}',
  '{{.State.Nope}}',
  '{{.Mountpoint}} {{.Driver}}',
  '{{.RootFS.Type}} {{.Architecture}}',
  '{{index .Labels "x"}}',
  '{{with .NetworkSettings}}{{.IPAddress}}{{end}}',
];

describe('inspect -f copies the fields a template reads', () => {
  it('prints and fails as with the whole object, for each kind, through each inspect command', async () => {
    const e = createEngine({ seed: 2 });
    e.image.pull('busybox');
    const lines: string[][] = [];
    for (const argv of [
      ['network', 'create', '--label', 'x=1', 'app'],
      ['volume', 'create', 'data'],
      ['run', '-d', '--name', 'web', '--network', 'app', '-v', 'data:/data', '--restart', 'always', 'busybox', 'sleep', '1000'],
    ])
      expect((await cli(argv, e)).exitCode).toBe(0);
    for (const t of TEMPLATES) {
      lines.push(['inspect', '-f', t, 'web'], ['inspect', '-f', t, 'app'], ['inspect', '-f', t, 'data'], ['inspect', '-f', t, 'busybox'], ['inspect', '-f', t, 'web', 'app', 'nope']);
      lines.push(['container', 'inspect', '-f', t, 'web'], ['network', 'inspect', '-f', t, 'app', 'bridge'], ['volume', 'inspect', '-f', t, 'data'], ['image', 'inspect', '-f', t, 'busybox']);
    }
    let printed = 0;
    for (const argv of lines) {
      const part = await cli(argv, e);
      const whole = await cli(argv.map((w, i) => (i === argv.indexOf('-f') + 1 ? w + ALL : w)), e);
      expect(part, argv.join(' ')).toEqual(whole);
      if (part.exitCode === 0) printed++;
    }
    expect(printed).toBeGreaterThan(30);
    expect((await cli(['network', 'inspect', '-f', '{{.Name}} {{len .Containers}}', 'app'], e)).stdout).toBe('app 1\n');
  });
});
