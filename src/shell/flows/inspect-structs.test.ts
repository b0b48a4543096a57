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

  it('whole structs print in v27 field order; pointers inside print as addresses, a printed pointer as &{…}', async () => {
    const r = await run([
      'docker run -d --name s1 -e A=1 -l x=y -p 8080:80 nginx sleep 1000',
      "docker inspect -f '{{.State}}' s1",
      "docker inspect -f '{{printf \"%v\" .State}}' s1",
      "docker inspect -f '{{.Config}}' s1",
      "docker inspect -f '{{.NetworkSettings.Networks}}' s1",
      "docker inspect -f '{{range .NetworkSettings.Networks}}{{.}}{{end}}' s1",
      "docker inspect -f '{{.}}' s1",
      "docker inspect -f '{{.GraphDriver.Name}} {{.State.Health}} {{.HostConfig.RestartPolicy}} {{json .State.Health}}' s1",
      "docker network inspect -f '{{.IPAM}} {{.ConfigFrom}} {{.Created}}' bridge",
      "docker network inspect -f '{{.Containers}}' bridge",
      "docker image inspect -f '{{.RootFS.Type}} {{.ContainerConfig}} {{.Metadata}}' nginx",
    ]);
    const id = (r[0][0] as string).trim();
    const [pid, started] = /^\{running true false false false false (\d+) 0 {2}(\S+) /.exec(r[1][0] as string)!.slice(1);
    const net = /^\{<nil> \[\] \[\] 02:42:ac:11:00:02 map\[\] (\w{64}) (\w{64}) /.exec(r[5][0] as string)!;
    expect(r.slice(1)).toEqual([
      [`{running true false false false false ${pid} 0  ${started} 0001-01-01T00:00:00Z <nil>}\n`, '', 0],
      [`&{running true false false false false ${pid} 0  ${started} 0001-01-01T00:00:00Z <nil>}\n`, '', 0],
      [`{${id.slice(0, 12)}   false false false map[80/tcp:{}] false false false [A=1 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NGINX_VERSION=1.27.3 NJS_VERSION=0.8.7 NJS_RELEASE=1~bookworm PKG_RELEASE=1~bookworm DYNPKG_RELEASE=1~bookworm] [sleep 1000] <nil> false nginx map[]  [/docker-entrypoint.sh] false  [] map[maintainer:NGINX Docker Maintainers <docker-maint@nginx.com> x:y] SIGQUIT <nil> []}\n`, '', 0],
      ['map[bridge:0xc0001a0000]\n', '', 0],
      [`{<nil> [] [] 02:42:ac:11:00:02 map[] ${net[1]} ${net[2]} 172.17.0.1 172.17.0.2 16   0 []}\n`, '', 0],
      ['{0xc0001a0000 [] 0xc0001a01c0 0xc0001a0380}\n', '', 0],
      ['overlay2 <nil> {no 0} null\n', '', 0],
      ['{default map[] [{172.17.0.0/16  172.17.0.1 map[]}]} {} 2026-11-23 08:00:00.709599105 +0000 UTC\n', '', 0],
      [`map[${id}:{s1 ${net[2]} 02:42:ac:11:00:02 172.17.0.2/16 }]\n`, '', 0],
      ['layers <nil> {0001-01-01 00:00:00 +0000 UTC}\n', '', 0],
    ]);
  });

  it('a healthcheck prints its durations as Go does, and its log as pointers', async () => {
    const r = await run(['docker run -d --name h1 --health-cmd true --health-interval 2s nginx sleep 1000', 'sleep 3', "docker inspect -f '{{.Config.Healthcheck}} {{.Config.Healthcheck.Interval}} {{json .Config.Healthcheck.Interval}} {{.State.Health.Status}}' h1", "docker inspect -f '{{printf \"%.10s\" (print .State.Health)}}' h1"]);
    expect(r.slice(2)).toEqual([
      ['{[CMD-SHELL true] 2s 0s 0s 0s 0} 2s 2000000000 healthy\n', '', 0],
      ['&{healthy \n', '', 0],
    ]);
  });
});
