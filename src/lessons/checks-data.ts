// Goal checks added for the data lessons (merged into CHECKS by checks.ts).
import type { EngineState } from '../engine/index';
import { byName, type Check } from './check-kit';
import { ANONYMOUS_LABEL } from '../engine/index';

const mountAt = (s: EngineState, name: string, dest: string) => byName(s, name)?.mounts?.find((m) => m.destination === dest);

export const CHECKS_DATA: Record<string, Check> = {
  'container-mount-type': { args: 'NAME DEST TYPE', doc: 'the mount at DEST is of this type (volume, bind, tmpfs)', zh: 'DEST 处的挂载是这种类型（volume、bind、tmpfs）', fn: (s, [n, d, t]) => mountAt(s, n, d)?.type === t },
  'container-mount-ro': { args: 'NAME DEST', doc: 'the container has a read-only mount at DEST', zh: '容器在 DEST 处有一个只读挂载', fn: (s, [n, d]) => mountAt(s, n, d)?.rw === false },
  'volumes-anonymous-none': { args: '', doc: 'no anonymous volume (one an image VOLUME or `-v /path` created) is left', zh: '没有残留的匿名卷（由镜像的 VOLUME 或 `-v /path` 创建的卷）', fn: (s) => Object.values(s.volumes ?? {}).every((v) => !(v.labels && ANONYMOUS_LABEL in v.labels)) },
  'volume-count-min': { args: 'N', doc: 'at least N volumes exist', zh: '至少有 N 个卷', fn: (s, [n]) => Object.keys(s.volumes ?? {}).length >= Number(n) },
  'container-cpus': { args: 'NAME N', doc: 'the container has this --cpus limit (0.5, 1.5 …)', zh: '容器设置了这个 --cpus 限制（0.5、1.5 …）', fn: (s, [n, v]) => byName(s, n)?.hostConfig.NanoCpus === Math.round(Number(v) * 1e9) },
  'container-blkio-weight': { args: 'NAME N', doc: 'the container has this block IO weight', zh: '容器设置了这个块设备 IO 权重', fn: (s, [n, v]) => byName(s, n)?.hostConfig.BlkioWeight === Number(v) },
};
