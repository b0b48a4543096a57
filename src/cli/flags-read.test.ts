// Every declared flag is either read by its command or refused: each flag is set alone and the options binding records
// whether the command's code read it (a flag accepted and never read would be silently dropped).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index';
import type { FlagDef, FlagTrace } from './flags';
import { leafCommands } from './tree';
import { cli } from './testing';

/** Positional arguments that get each command past its argument checks to where it reads its flags. */
const ARGS: Record<string, string[]> = {
  'docker container attach': ['web'],
  'docker container commit': ['web', 'snap'],
  'docker container cp': ['web:/etc/hostname', '-'],
  'docker container update': ['web'],
  'docker container create': ['nginx'],
  'docker container exec': ['web', 'true'],
  'docker container export': ['web'],
  'docker container inspect': ['web'],
  'docker container kill': ['web'],
  'docker container logs': ['web'],
  'docker container restart': ['web'],
  'docker container rm': ['web'],
  'docker container run': ['nginx'],
  'docker container start': ['web'],
  'docker container stop': ['web'],
  'docker image build': ['/root'],
  'docker image history': ['nginx'],
  'docker image import': ['/root/rootfs.tar'],
  'docker image inspect': ['nginx'],
  'docker image pull': ['nginx'],
  'docker image push': ['localhost:5000/nginx'],
  'docker image rm': ['nginx'],
  'docker image save': ['nginx'],
  'docker inspect': ['web'],
  'docker login': ['localhost:5000'],
  'docker network connect': ['mynet', 'web'],
  'docker network create': ['n2'],
  'docker network disconnect': ['bridge', 'web'],
  'docker network inspect': ['mynet'],
  'docker network rm': ['mynet'],
  'docker search': ['nginx'],
  'docker volume create': ['v2'],
  'docker volume inspect': ['myvol'],
  'docker volume rm': ['myvol'],
  'docker compose cp': ['web:/etc/hostname', '-'],
  'docker compose exec': ['web', 'true'],
  'docker compose port': ['web', '80'],
  'docker compose run': ['web', 'true'],
};

/** A valid value for each flag type (a value's validity is not the point: reading it is). */
const VALUE: Record<FlagDef['type'], string | null> = { bool: null, string: 'x', int: '1', uint: '1', float: '0.5', duration: '1s', bytes: '64m', list: 'a=b', filter: 'label=a', map: 'a=b', stringSlice: 'a' };

/** Host files: a build context, an archive, and a compose project (service `web` on nginx, port 80 published). */
const FILES = { '/root/Dockerfile': 'FROM nginx\nRUN true\n', '/root/rootfs.tar': '', '/root/compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n' };

/** Every runnable command, and the compose plugin's commands under `docker compose`. */
async function fixture() {
  const engine = createEngine({ seed: 1 });
  for (const line of ['pull -q nginx', 'run -d --name web nginx', 'network create mynet', 'volume create myvol', 'tag nginx localhost:5000/nginx', 'compose up -d']) {
    const r = await cli(line, engine, { files: FILES });
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return engine;
}

const commands = () => leafCommands().flatMap((e) => [e, ...(e.def.pluginCommands ?? []).map((def) => ({ path: `${e.path} ${def.name}`, def }))]);

describe('every declared flag is read or refused', () => {
  for (const { path, def } of commands()) {
    const flags = (def.flags ?? []).filter((f) => !f.unsupported);
    if (!flags.length) continue;
    it(path, async () => {
      const dropped: string[] = [];
      for (const flag of flags) {
        const trace: FlagTrace = { set: new Set(), read: new Set() };
        const value = VALUE[flag.type];
        const argv = [...path.split(' ').slice(1), value === null ? `--${flag.name}` : `--${flag.name}=${value}`, ...(ARGS[path] ?? [])];
        await cli(argv, await fixture(), { files: FILES, trace });
        expect(trace.set, argv.join(' ')).toContain(flag.name);
        if (!trace.read.has(flag.name)) dropped.push(`--${flag.name}`);
      }
      expect(dropped.join(' '), `${path} accepts these flags and never reads them`).toBe('');
    });
  }

  it('a refused flag gets the one wording: usage error, help hint, exit 125', async () => {
    const refused = commands().flatMap(({ path, def }) => (def.flags ?? []).filter((f) => f.unsupported).map((f) => ({ path, f })));
    expect(refused.length).toBeGreaterThan(0);
    for (const { path, f } of refused) {
      const value = VALUE[f.type];
      const r = await cli([...path.split(' ').slice(1), value === null ? `--${f.name}` : `--${f.name}=${value}`, ...(ARGS[path] ?? [])], undefined, { files: FILES });
      expect(r).toMatchObject({ stdout: '', stderr: `docker: --${f.name} is not supported by this simulator.\nSee '${path} --help'.\n`, exitCode: 125 });
    }
  });
});
