// Names that are also JavaScript object keys (__proto__, constructor, toString …) typed wherever docker takes a
// name, filter key, label, option or env key: each behaves exactly like an ordinary name and Object.prototype stays
// untouched (the test setup freezes it, so any write to it would surface as an internal error).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from './session';

/** Each object key, and an ordinary name of the same shape (same validity, length and sort position). */
const KEYS: [string, string][] = [
  ['__proto__', '__prxto__'],
  ['constructor', 'constrxctor'],
  ['toString', 'toStrxng'],
  ['hasOwnProperty', 'hasOwnPrxperty'],
  ['valueOf', 'valxeOf'],
  ['prototype', 'protxtype'],
];

/** Lines with K standing for the key; the setup gives them a container c1, a network n1 and a volume v1. */
const SETUP = ['docker run -d --name c1 busybox sleep 1000', 'docker network create n1', 'docker volume create v1'];
const TEMPLATES = [
  // container names
  'docker run -d --name K busybox sleep 1000',
  'docker create --name K busybox',
  'docker rename c1 K',
  'docker rename K c1',
  'docker start K', 'docker stop K', 'docker restart K', 'docker kill K', 'docker pause K', 'docker unpause K',
  'docker rm K', 'docker rm -f K', 'docker inspect K', 'docker container inspect K', 'docker logs K', 'docker top K',
  'docker port K', 'docker port K 80', 'docker exec K ls', 'docker wait K', 'docker diff K', 'docker export K -o /tmp/x.tar',
  'docker commit K', 'docker stats --no-stream K', 'docker cp K:/etc/hostname /tmp/h', 'docker attach K',
  'docker ps -a -f name=K', 'docker ps -a --format "{{.Names}}" -f name=^K$',
  // images
  'docker tag busybox K', 'docker tag busybox x:K', 'docker rmi K', 'docker rmi -f K', 'docker image inspect K',
  'docker history K', 'docker push K', 'docker pull K', 'docker save K -o /tmp/i.tar', 'docker images K',
  // volumes
  'docker volume create K', 'docker volume inspect K', 'docker volume rm K', 'docker run --rm -v K:/data busybox ls /data',
  'docker volume create --label K=1 -o K=1 v2', 'docker volume create --label K=1 v3', 'docker volume ls -f K=x',
  'docker volume ls -f label=K', 'docker volume ls -f name=K', 'docker volume prune -f --filter label=K',
  // networks
  'docker network create K', 'docker network inspect K', 'docker network rm K', 'docker network connect K c1',
  'docker network disconnect K c1', 'docker run -d --network K busybox sleep 9', 'docker network create --label K=1 n2',
  'docker network create -o K=1 n3', 'docker network ls -f K=x', 'docker network ls -f label=K', 'docker network ls -f name=K',
  'docker network prune -f --filter label=K',
  // filters, labels, env, options, formats
  'docker ps -a -f K=x', 'docker ps -a -f label=K', 'docker ps -a -f label=K=1', 'docker images -f K=x',
  'docker images -f label=K', 'docker image prune -f --filter label=K', 'docker container prune -f --filter label=K',
  'docker system prune -f --filter label=K', 'docker run -d --label K=1 busybox sleep 9',
  'docker run --rm -e K=1 busybox env', 'docker run --rm --env K busybox env', 'docker exec -e K=1 c1 env',
  'docker run --rm --sysctl K=1 busybox true', 'docker run --rm --log-opt K=1 busybox true',
  'docker run --rm --add-host K:1.2.3.4 busybox cat /etc/hosts', 'docker run --rm --tmpfs /K busybox ls /',
  'docker inspect -f "{{.K}}" c1', 'docker inspect -f "{{index .Config.Labels \\"K\\"}}" c1',
  'docker inspect -f "{{.Config.K}}" c1', 'docker ps --format "{{.Label \\"K\\"}}"', 'docker ps --format "{{.K}}"',
  'docker network inspect -f "{{index .Options \\"K\\"}}" n1', 'docker info --format "{{.K}}"',
  'docker volume inspect -f "{{.Labels.K}}" v1', 'docker K', 'docker container K', 'docker run --K busybox',
  // shells
  'export K=1; echo "$K"', 'K=2; echo ${K}; unset K', 'docker run --rm busybox sh -c "K=3; echo \\$K"',
];

function render(template: string, key: string): string {
  return template.replace(/K/g, key);
}

/** Every line's output and exit code (ids normalised: a label can change an image ID). */
async function outputs(lines: string[]): Promise<string[]> {
  const s = createSession({ seed: 3, headless: true });
  for (const l of SETUP) await s.run(l);
  const out: string[] = [];
  for (const l of lines) {
    const r = await s.run(l);
    out.push(`$ ${l}\n${r.stdout}${r.stderr}[exit ${r.exitCode}]`.replace(/[0-9a-f]{12,64}/g, '<id>'));
  }
  return out;
}

function protoUntouched(): void {
  expect(Object.isFrozen(Object.prototype)).toBe(true);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(({} as Record<string, unknown>).name).toBeUndefined();
}
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** Runs the lines with the key and with its twin; the key's transcript, the key written as the twin, must equal the
 *  twin's (filter keys are lower-cased by the CLI's FilterOpt, so both spellings are replaced). */
async function sameAsOrdinaryName(templates: string[], key: string, twin: string): Promise<void> {
  const got = await outputs(templates.map((t) => render(t, key)));
  protoUntouched();
  const want = await outputs(templates.map((t) => render(t, twin)));
  const wrong = got.flatMap((o, i) =>
    /internal simulator error|\n\s+at /.test(o) || o.split(key).join(twin).split(key.toLowerCase()).join(twin.toLowerCase()) !== want[i] ? [`${o}\n--- with ${twin}:\n${want[i]}`] : [],
  );
  expect(wrong).toEqual([]);
}

describe('names that are JavaScript object keys', () => {
  it.each(KEYS)('%s behaves like an ordinary name in every command that takes one', async (key, twin) => {
    await sameAsOrdinaryName(TEMPLATES, key, twin);
  }, 120_000);

  it('fuzz: random sequences of such commands behave like the same sequence with ordinary names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TEMPLATES), { minLength: 3, maxLength: 12 }), fc.constantFrom(...KEYS), async (templates, [key, twin]) => {
        await sameAsOrdinaryName(templates, key, twin);
      }),
      { numRuns: 40, seed: 11 },
    );
    protoUntouched();
  }, 240_000);

  it('docker rename __proto__ constructor is "No such container" and changes nothing', async () => {
    const s = createSession({ seed: 3, headless: true });
    const r = await s.run('docker rename __proto__ constructor');
    // cli/command/container/rename.go: the daemon's error, then "Error: failed to rename container named OLD"
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Error response from daemon: No such container: __proto__\nError: failed to rename container named __proto__\n', 1]);
    expect((await s.run('docker ps -a --format "{{.Names}}"')).stdout).toBe('');
    protoUntouched();
  });
});
