// Template errors of docker ps and docker inspect as the v27 client reports them (docker/cli v27.5.1
// cli/command/container/list.go:83-96, cli/command/inspect/inspector.go:67-140), and typed fields a template sees.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q busybox', 'docker run -d --name t1 busybox sleep 1000', ...lines].join('\n'));
  return all.slice(2).map((s) => [s.stdout, normalizeIds(s.stderr), s.exitCode]);
}

describe('docker ps --format', () => {
  it('is parsed, then run on an empty container context before anything is listed', async () => {
    expect(await run(["docker ps --format '{{.Bogus}}'", "docker ps --format '{{.Names'", "docker ps -a --filter name=nomatch --format '{{.Bogus}}'", "docker ps --format '{{.Label \"x\"}}|{{.Names}}'"])).toEqual([
      ['', 'failed to execute template: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext\n', 1],
      ['', 'failed to parse template: template: :1: unclosed action\n', 1],
      ['', 'failed to execute template: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext\n', 1],
      ['|t1\n', '', 0],
    ]);
  });
});

describe('docker inspect -f', () => {
  it('a failed template is reported after the output, which is a lone newline when nothing was written', async () => {
    expect(await run(["docker inspect -f '{{.Config.Bogus}}' t1", "docker inspect -f '{{.Name}}' t1 nosuch", "docker inspect -f '{{.Name}}' nosuch"])).toEqual([
      ['\n', 'template parsing error: template: :1:9: executing "" at <.Config.Bogus>: map has no entry for key "Bogus"\n', 1],
      ['/t1\n', 'Error: No such object: nosuch\n', 1],
      ['\n', 'Error: No such object: nosuch\n', 1],
    ]);
  });

  it('an IPAM config without a gateway has an empty Gateway field (typed struct), which json leaves out', async () => {
    expect(
      await run([
        'docker network create --subnet 10.10.0.0/24 net2 >/dev/null',
        "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}|{{.Gateway}}{{end}}' net2",
        "docker inspect -f '{{range .IPAM.Config}}{{.Subnet}}|{{.Gateway}}|{{.IPRange}}{{end}}' net2",
        "docker network inspect -f '{{json .IPAM.Config}}' net2",
      ]),
    ).toEqual([
      ['', '', 0],
      ['10.10.0.0/24|\n', '', 0],
      ['10.10.0.0/24||\n', '', 0],
      ['[{"Subnet":"10.10.0.0/24"}]\n', '', 0],
    ]);
  });
});

describe('docker inspect --type', () => {
  it('returns the object type\'s own error; without --type a miss is "No such object" (system/inspect.go inspectAll, v27.5.1)', async () => {
    expect(await run(['docker inspect --type image t1', 'docker inspect --type network nosuch', 'docker inspect --type volume nosuch', 'docker inspect nosuch'])).toEqual([
      ['[]\n', 'Error response from daemon: No such image: t1:latest\n', 1],
      ['[]\n', 'Error response from daemon: network nosuch not found\n', 1],
      ['[]\n', 'Error response from daemon: get nosuch: no such volume\n', 1],
      ['[]\n', 'Error: No such object: nosuch\n', 1],
    ]);
  });
});
