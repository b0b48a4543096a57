// docker system df: the summary table, --format templates over its four rows, and -v with a template refused
// (docker/cli v27.5.1 cli/command/system/df.go, cli/command/formatter/disk_usage.go:18-22,70-85).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q busybox', 'docker run --name d1 busybox true', ...lines].join('\n'));
  return all.slice(2).map((s) => [s.stdout, s.stderr, s.exitCode]);
}

describe('docker system df --format', () => {
  it('renders each type through the template, as a table with headers, or as JSON', async () => {
    expect(
      await run([
        "docker system df --format '{{.Type}} {{.TotalCount}} {{.Active}}'",
        "docker system df --format 'table {{.Type}}\\t{{.Size}}'",
        'docker system df --format json | head -1',
      ]),
    ).toEqual([
      ['Images 1 1\nContainers 1 0\nLocal Volumes 0 0\nBuild Cache 0 0\n', '', 0],
      ['TYPE            SIZE\nImages          4.262MB\nContainers      0B\nLocal Volumes   0B\nBuild Cache     0B\n', '', 0],
      ['{"Active":"1","Reclaimable":"0B (0%)","Size":"4.262MB","TotalCount":"1","Type":"Images"}\n', '', 0],
    ]);
  });

  it('a template error is the client\'s, exit 1; a template with -v is refused, never ignored', async () => {
    expect(await run(["docker system df --format '{{.Type'", 'docker system df -v --format json'])).toEqual([
      ['', 'template parsing error: template: :1: unclosed action\n', 1],
      ['', "docker: --format=json is not supported by this simulator: only the table form is shown with --verbose.\nSee 'docker system df --help'.\n", 125],
    ]);
  });
});

describe('docker image prune -a', () => {
  it('deletes every reference in turn: an image a container uses keeps only its last tag (image_prune.go, v27.5.1)', async () => {
    expect(
      await run([
        'docker tag busybox extra:one',
        'docker tag busybox extra:two',
        'docker image prune -a -f',
        "docker images --format '{{.Repository}}:{{.Tag}}'",
      ]),
    ).toEqual([
      ['', '', 0],
      ['', '', 0],
      ['Deleted Images:\nuntagged: busybox:latest\nuntagged: busybox@sha256:b58fb2595e64499c773c7b9e14dd787732e7f1b9e8d8c39ebd1bbe1b0b53b95f\nuntagged: extra:one\n\nTotal reclaimed space: 0B\n', '', 0],
      ['extra:two\n', '', 0],
    ]);
  });
});
