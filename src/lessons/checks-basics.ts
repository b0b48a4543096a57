// Goal checks added for the basics lessons (merged into CHECKS by checks.ts).
import { lookup, lowerStack } from '../engine/index';
import { byName, imageId, type Check } from './check-kit';

export const CHECKS_BASICS: Record<string, Check> = {
  'same-image': { args: 'REF1 REF2', doc: 'both names exist and point at the same image ID', zh: '两个名字都存在，并且指向同一个镜像 ID', fn: (s, [a, b]) => {
    const x = imageId(s, a);
    return !!x && x === imageId(s, b);
  } },
  'container-health': { args: 'NAME STATUS', doc: 'the container runs with a healthcheck whose status is STATUS (starting, healthy or unhealthy)', zh: '容器带着健康检查运行，且状态为 STATUS（starting、healthy 或 unhealthy）', fn: (s, [n, st]) => {
    const c = byName(s, n);
    return c?.state.status === 'running' && c.health?.status === st;
  } },
  'container-lacks-file': { args: 'NAME PATH', doc: "the container exists and PATH is not in its filesystem", zh: '容器存在，但它的文件系统里没有 PATH', fn: (s, [n, p]) => {
    const c = byName(s, n);
    return !!c && !lookup([c.upper, ...lowerStack(s, c)], p);
  } },
};
