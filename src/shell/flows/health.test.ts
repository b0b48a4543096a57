// Health checks as a learner meets them: --health-* flags and Dockerfile HEALTHCHECK, docker ps / inspect, probes run in the container.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps, transcript } from '../transcript';
import { replay } from '../replay';
import { createSession } from '../session';
import { allContainers } from '../../engine/index';

const quiet = '>/dev/null 2>&1';

describe('docker run --health-cmd', () => {
  it('nginx with a curl probe: (health: starting), then (healthy) once a probe passed', async () => {
    const out = await transcript(
      [
        `docker run -d --name web --health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 5s nginx ${quiet}`,
        'docker ps',
        'sleep 3',
        "docker ps --format '{{.Names}}: {{.Status}}'",
        "docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}} {{(index .State.Health.Log 0).ExitCode}}' web",
        "docker inspect --format '{{json .Config.Healthcheck}}' web",
      ].join('\n'),
    );
    expect(normalizeIds(out.split('\n').slice(1).join('\n'))).toBe(
      [
        '$ docker ps',
        'CONTAINER ID   IMAGE     COMMAND                  CREATED        STATUS                           PORTS     NAMES',
        '<id12>   nginx     "/docker-entrypoint.…"   1 second ago   Up 1 second (health: starting)   80/tcp    web',
        '$ sleep 3',
        "$ docker ps --format '{{.Names}}: {{.Status}}'",
        'web: Up 6 seconds (healthy)',
        "$ docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}} {{(index .State.Health.Log 0).ExitCode}}' web",
        'healthy 0 1 0',
        "$ docker inspect --format '{{json .Config.Healthcheck}}' web",
        '{"Test":["CMD-SHELL","curl -f http://localhost/ || exit 1"],"Interval":5000000000}',
        '',
      ].join('\n'),
    );
  });

  it("'exit 1' with --health-retries 2 turns (unhealthy): FailingStreak, Log, filters", async () => {
    const all = await steps(
      [
        `docker run -d --name bad --health-cmd 'echo checking; exit 1' --health-retries 2 --health-interval 2s busybox sleep 600 ${quiet}`,
        'sleep 2',
        "docker ps --filter health=starting --format '{{.Names}} {{.Status}}'",
        'sleep 1',
        "docker ps --format 'table {{.Names}}\\t{{.Status}}'",
        "docker inspect --format '{{json .State.Health}}' bad",
        "docker ps --filter health=unhealthy --format '{{.Names}}'",
        "docker ps --filter health=healthy --format '{{.Names}}'",
        'docker ps --filter health=sick',
      ].join('\n'),
    );
    expect(all[2].stdout).toBe('bad Up 4 seconds (health: starting)\n');
    expect(all[4].stdout).toBe('NAMES     STATUS\nbad       Up 7 seconds (unhealthy)\n');
    const entry = (s: string, e: string) => `{"Start":"2026-11-23T09:00:${s}Z","End":"2026-11-23T09:00:${e}Z","ExitCode":1,"Output":"checking\\n"}`;
    expect(all[5].stdout).toBe(
      `{"Status":"unhealthy","FailingStreak":3,"Log":[${entry('03.000440968', '03.022570926')},${entry('05.022452226', '05.044559668')},${entry('07.044503812', '07.06645159')}]}\n`,
    );
    expect(all[6].stdout).toBe('bad\n');
    expect(all[7].stdout).toBe('');
    expect([all[8].stderr, all[8].exitCode]).toEqual(['Error response from daemon: Unrecognised filter value for health: sick\n', 1]);
  });

  it('a stopped container keeps its Log and reads unhealthy; a restart is starting again', async () => {
    const all = await steps(
      [
        `docker run -d --name ww --health-cmd true --health-interval 1s busybox sleep 600 ${quiet}`,
        'sleep 2',
        'docker stop -t 0 ww',
        "docker inspect --format '{{.State.Health.Status}} {{len .State.Health.Log}}' ww",
        "docker ps -a --filter health=unhealthy --format '{{.Names}} {{.Status}}'",
        "docker start ww >/dev/null && docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' ww",
        "docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' ww",
      ].join('\n'),
    );
    // the probe due as `docker stop` ran still happened; a stopped monitor reads unhealthy (container/health.go)
    expect(all[3].stdout).toBe('unhealthy 3\n');
    expect(all[4].stdout).toBe('ww Exited (137) 2 seconds ago\n');
    expect(all[5].stdout).toBe('starting 0 3\n');
    expect(all[6].stdout).toBe('healthy 0 4\n');
  });

  it('records how the shell fails a missing command, and a probe that exceeds --health-timeout', async () => {
    const all = await steps(
      [
        `docker run -d --name h1 --health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 2s httpd ${quiet}`,
        `docker run -d --name h2 --health-cmd 'sleep 5; echo late' --health-interval 2s --health-timeout 1s busybox sleep 600 ${quiet}`,
        'sleep 2',
        "docker inspect --format '{{(index .State.Health.Log 0).ExitCode}} {{json (index .State.Health.Log 0).Output}}' h1 h2",
      ].join('\n'),
    );
    expect(all[3].stdout).toBe('1 "/bin/sh: 1: curl: not found\\n"\n-1 "Health check exceeded timeout (1s)"\n');
  });

  it('checks the flags like docker/cli and the daemon (nothing is created)', async () => {
    const out = await transcript(
      [
        'docker run --no-healthcheck --health-cmd true alpine',
        'docker create --health-interval -1s alpine',
        'docker run --health-retries -1 alpine',
        'docker run --health-interval 500us alpine',
        'docker run --health-timeout 5x alpine',
        'docker run --health-start-period 5 alpine',
        'docker ps -aq',
      ].join('\n'),
    );
    expect(out).toBe(
      [
        '$ docker run --no-healthcheck --health-cmd true alpine',
        'docker: --no-healthcheck conflicts with --health-* options.',
        "See 'docker run --help'.",
        '$ docker create --health-interval -1s alpine',
        'docker: --health-interval cannot be negative.',
        "See 'docker create --help'.",
        '$ docker run --health-retries -1 alpine',
        'docker: --health-retries cannot be negative.',
        "See 'docker run --help'.",
        '$ docker run --health-interval 500us alpine',
        'docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms.',
        "See 'docker run --help'.",
        '$ docker run --health-timeout 5x alpine',
        'invalid argument "5x" for "--health-timeout" flag: time: unknown unit "x" in duration "5x"',
        "See 'docker run --help'.",
        '$ docker run --health-start-period 5 alpine',
        'invalid argument "5" for "--health-start-period" flag: time: missing unit in duration "5"',
        "See 'docker run --help'.",
        '$ docker ps -aq',
        '',
      ].join('\n'),
    );
  });
});

describe('Dockerfile HEALTHCHECK', () => {
  const build = [
    'mkdir app && cd app',
    `printf 'FROM alpine\\nHEALTHCHECK --interval=3s --retries=2 CMD test -f /tmp/ok || exit 1\\nCMD ["sleep", "600"]\\n' > Dockerfile`,
    `docker build -q -t hc . ${quiet}`,
  ];

  it("containers of the image get it; a probe sees the container's files; --no-healthcheck turns it off", async () => {
    const all = await steps(
      [
        ...build,
        `docker run -d --name checked hc ${quiet}`,
        `docker run -d --name unchecked --no-healthcheck hc ${quiet}`,
        'sleep 5',
        "docker ps --format '{{.Names}}: {{.Status}}'",
        'docker exec checked touch /tmp/ok',
        'sleep 2',
        "docker ps --format '{{.Names}}: {{.Status}}'",
        "docker inspect --format '{{json .Config.Healthcheck}}' checked unchecked",
        "docker inspect --format '{{.State.Health.Status}}' unchecked",
        "docker ps --filter health=none --format '{{.Names}}'",
        "docker inspect --format '{{json .State.Health}} {{.State.Health}}' unchecked",
      ].join('\n'),
    );
    expect(all[6].stdout).toBe('unchecked: Up 7 seconds\nchecked: Up 8 seconds (unhealthy)\n');
    expect(all[9].stdout).toBe('unchecked: Up 12 seconds\nchecked: Up 13 seconds (healthy)\n');
    // --no-healthcheck is Test ["NONE"]; its unset fields are still merged from the image (daemon merge)
    expect(all[10].stdout).toBe(
      '{"Test":["CMD-SHELL","test -f /tmp/ok || exit 1"],"Interval":3000000000,"Retries":2}\n{"Test":["NONE"],"Interval":3000000000,"Retries":2}\n',
    );
    expect([all[11].stderr, all[11].exitCode]).toEqual([
      'template parsing error: template: :1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"\n',
      1,
    ]);
    expect(all[12].stdout).toBe('unchecked\n');
    // the typed struct's nil pointer (docker/cli tries it before the raw map)
    expect(all[13].stdout).toBe('null <nil>\n');
  });

  it('replaying the journal gives the same health results (probes are deterministic)', async () => {
    const s = createSession({ seed: 3, headless: true });
    for (const line of [...build, `docker run -d --name checked hc ${quiet}`, 'sleep 30', 'docker exec checked touch /tmp/ok', 'sleep 7']) await s.run(line);
    const again = await replay(s.journal(), { seed: 3 });
    const health = (x: typeof s) => allContainers(x.engine.state).map((c) => c.health);
    expect(health(again)).toEqual(health(s));
    expect(health(s)[0]).toMatchObject({ status: 'healthy', failingStreak: 0 });
  });
});
