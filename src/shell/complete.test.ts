// Tab completion follows each command's own declaration: network and volume names where docker takes them, containers
// after the network, flag values (--network NAME, --restart policy), host paths only where a path goes.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';

async function lab() {
  const s = createSession({ headless: true });
  for (const line of ['docker pull -q nginx', 'docker network create backend', 'docker volume create pgdata', 'docker run -d --name web nginx', 'mkdir ctx', 'touch notes.txt']) await s.run(line);
  return s;
}

const tab = async (s: Awaited<ReturnType<typeof lab>>, line: string) => (await s.complete(line, line.length)).candidates;

describe('completion declared by the commands', () => {
  it('network rm / inspect offer networks, volume rm / inspect offer volumes (not container names)', async () => {
    const s = await lab();
    expect(await tab(s, 'docker network rm ')).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(await tab(s, 'docker network inspect b')).toEqual(['backend', 'bridge']);
    expect(await tab(s, 'docker volume rm ')).toEqual(['pgdata']);
    expect(await tab(s, 'docker volume inspect pg')).toEqual(['pgdata']);
  });

  it('network connect offers networks, then containers (not files)', async () => {
    const s = await lab();
    expect(await tab(s, 'docker network connect ')).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(await tab(s, 'docker network connect backend ')).toEqual(['web']);
    expect(await tab(s, 'docker network connect --alias db backend w')).toEqual(['web']);
  });

  it('flag values: --network, --volumes-from, --restart; the argument after a flag value is still the image', async () => {
    const s = await lab();
    expect(await tab(s, 'docker run --network ')).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(await tab(s, 'docker run --volumes-from ')).toEqual(['web']);
    expect(await tab(s, 'docker run --restart u')).toEqual(['unless-stopped']);
    expect(await tab(s, 'docker run -d --name x ngi')).toEqual(['nginx:latest']);
    expect(await tab(s, 'docker run --rm nginx ')).toEqual([]);
  });

  it('containers, images, host paths where those go; nothing where nothing goes', async () => {
    const s = await lab();
    expect(await tab(s, 'docker stop w')).toEqual(['web']);
    expect(await tab(s, 'docker image rm ng')).toEqual(['nginx:latest']);
    expect(await tab(s, 'docker build c')).toEqual(['ctx/']);
    expect(await tab(s, 'docker build -f no')).toEqual(['notes.txt']);
    expect(await tab(s, 'docker ps ')).toEqual([]);
    expect(await tab(s, 'docker network create ')).toEqual([]);
    expect(await tab(s, 'docker inspect ')).toEqual(['backend', 'bridge', 'host', 'nginx:latest', 'none', 'pgdata', 'web']);
  });
});

describe('docker compose', () => {
  it('completes its own commands and their flags', async () => {
    const s = await lab();
    expect(await tab(s, 'docker compose u')).toEqual(['unpause', 'up']);
    expect(await tab(s, 'docker compose up --remove-o')).toEqual(['--remove-orphans']);
  });
});
