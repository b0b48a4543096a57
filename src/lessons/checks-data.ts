// Goal checks added for the data lessons (merged into CHECKS by checks.ts).
import type { Container, EngineState } from '../engine/index';
import { ANONYMOUS_LABEL } from '../engine/index';

type Check = { args: string; doc: string; fn: (s: EngineState, args: string[]) => boolean };

const byName = (s: EngineState, name: string): Container | undefined => Object.values(s.containers).find((c) => c.name === name);
const mountAt = (s: EngineState, name: string, dest: string) => byName(s, name)?.mounts?.find((m) => m.destination === dest);

export const CHECKS_DATA: Record<string, Check> = {
  'container-mount-type': { args: 'NAME DEST TYPE', doc: 'the mount at DEST is of this type (volume, bind, tmpfs)', fn: (s, [n, d, t]) => mountAt(s, n, d)?.type === t },
  'container-mount-ro': { args: 'NAME DEST', doc: 'the container has a read-only mount at DEST', fn: (s, [n, d]) => mountAt(s, n, d)?.rw === false },
  'volumes-anonymous-none': { args: '', doc: 'no anonymous volume (one an image VOLUME or `-v /path` created) is left', fn: (s) => Object.values(s.volumes ?? {}).every((v) => !(v.labels && ANONYMOUS_LABEL in v.labels)) },
  'volume-count-min': { args: 'N', doc: 'at least N volumes exist', fn: (s, [n]) => Object.keys(s.volumes ?? {}).length >= Number(n) },
  'container-cpus': { args: 'NAME N', doc: 'the container has this --cpus limit (0.5, 1.5 …)', fn: (s, [n, v]) => byName(s, n)?.hostConfig.NanoCpus === Math.round(Number(v) * 1e9) },
  'container-blkio-weight': { args: 'NAME N', doc: 'the container has this block IO weight', fn: (s, [n, v]) => byName(s, n)?.hostConfig.BlkioWeight === Number(v) },
};
