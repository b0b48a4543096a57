// docker inspect -f prints the API's struct-typed fields as Go's fmt does: port sets and volumes as maps of `{}`,
// port bindings as `{HostIP HostPort}`, mount points as `{Type Name Source Destination Driver Mode RW Propagation}`
// (moby v27 api/types: nat.PortSet, nat.PortMap, types.MountPoint; docker/cli inspector.go tries the typed struct first).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q nginx', ...lines].join('\n'));
  return all.slice(1).map((s) => [s.stdout, s.stderr, s.exitCode]);
}

describe('inspect -f with struct-typed fields', () => {
  it('ExposedPorts and Volumes print empty structs, json still prints objects', async () => {
    expect(
      await run([
        'docker create --name c1 -v /data nginx',
        "docker inspect -f '{{.Config.ExposedPorts}} {{.Config.Volumes}}' c1",
        "docker inspect -f '{{json .Config.ExposedPorts}}' c1",
        "docker image inspect -f '{{.Config.ExposedPorts}}' nginx",
        "docker inspect -f '{{range $p, $v := .Config.ExposedPorts}}{{$p}}={{$v}};{{end}}' c1",
      ]).then((r) => r.slice(1)),
    ).toEqual([
      ['map[80/tcp:{}] map[/data:{}]\n', '', 0],
      ['{"80/tcp":{}}\n', '', 0],
      ['map[80/tcp:{}]\n', '', 0],
      ['80/tcp={};\n', '', 0],
    ]);
  });

  it('port bindings and mount points print as structs with fields in order', async () => {
    const r = await run([
      'docker run -d --name w1 -p 8080:80 -v vol:/data -v /srv:/srv:ro nginx',
      "docker inspect -f '{{.NetworkSettings.Ports}}' w1",
      "docker inspect -f '{{.HostConfig.PortBindings}}' w1",
      "docker inspect -f '{{.Mounts}}' w1",
      "docker inspect -f '{{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}' w1",
      "docker inspect -f '{{range .Mounts}}{{.Name}}|{{.Driver}};{{end}}' w1",
      "docker inspect -f '{{json (index .Mounts 1)}}' w1",
      "docker inspect -f '{{.HostConfig.RestartPolicy}} {{.HostConfig.LogConfig}} {{.HostConfig.RestartPolicy.Name}} {{json .HostConfig.RestartPolicy}}' w1",
    ]);
    expect(r.slice(1)).toEqual([
      ['map[80/tcp:[{0.0.0.0 8080} {:: 8080}]]\n', '', 0],
      ['map[80/tcp:[{ 8080}]]\n', '', 0],
      ['[{volume vol /var/lib/docker/volumes/vol/_data /data local z true } {bind  /srv /srv  ro false rprivate}]\n', '', 0],
      ['8080\n', '', 0],
      ['vol|local;|;\n', '', 0],
      ['{"Type":"bind","Source":"/srv","Destination":"/srv","Mode":"ro","RW":false,"Propagation":"rprivate"}\n', '', 0],
      ['{no 0} {json-file map[]} no {"Name":"no","MaximumRetryCount":0}\n', '', 0],
    ]);
  });
});
