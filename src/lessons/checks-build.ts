// Goal checks added for the build lessons (merged into CHECKS by checks.ts).
import type { EngineState } from '../engine/index';
import { imageStack, lookup, lowerStack } from '../engine/index';
import { byName, image, type Check } from './check-kit';

/** Is PATH in the container's writable layer as a file or dir, and is it (or not) also in the image below? */
function upperEntry(s: EngineState, name: string, path: string, inLower: boolean): boolean {
  const c = byName(s, name);
  const n = c?.upper[path];
  if (!c || !n || n.type === 'whiteout') return false;
  return !!lookup(lowerStack(s, c), path) === inLower;
}

export const CHECKS_BUILD: Record<string, Check> = {
  'container-running-image': { args: 'NAME REF', doc: 'the container is running and was created from the image', zh: '容器正在运行，而且是用这个镜像创建的', fn: (s, [n, r]) => {
    const c = byName(s, n);
    const img = image(s, r);
    return !!c && !!img && c.state.status === 'running' && c.imageId === img.id;
  } },
  'container-added': { args: 'NAME PATH', doc: 'PATH was created in the container (docker diff: A)', zh: '容器里新建了 PATH（docker diff 显示 A）', fn: (s, [n, p]) => upperEntry(s, n, p, false) },
  'container-copied-up': { args: 'NAME PATH', doc: 'an image file at PATH was changed, so it was copied up (docker diff: C)', zh: '镜像里位于 PATH 的文件被改过，因此被复制到了可写层（docker diff 显示 C）', fn: (s, [n, p]) => upperEntry(s, n, p, true) },
  'container-whiteout': { args: 'NAME PATH', doc: 'an image file at PATH was deleted in the container: a whiteout hides it (docker diff: D)', zh: '镜像里位于 PATH 的文件在容器中被删除了：由一个 whiteout 标记把它遮住（docker diff 显示 D）', fn: (s, [n, p]) => {
    const c = byName(s, n);
    return c?.upper[p]?.type === 'whiteout' && !!lookup(lowerStack(s, c), p);
  } },
  'images-share-layer': { args: 'REF REF', doc: 'the two images have the same bottom layer (stored once)', zh: '两个镜像的最底层是同一层（只存储一份）', fn: (s, [a, b]) => {
    const x = image(s, a);
    const y = image(s, b);
    return !!x && !!y && x.id !== y.id && x.diffIds.length > 0 && x.diffIds[0] === y.diffIds[0];
  } },
  'image-based-on': { args: 'REF BASE', doc: "every layer of BASE is at the bottom of REF's layers, and REF adds at least one", zh: 'BASE 的所有层都位于 REF 各层的最底部，并且 REF 至少多出一层', fn: (s, [r, b]) => {
    const x = image(s, r);
    const y = image(s, b);
    return !!x && !!y && x.diffIds.length > y.diffIds.length && y.diffIds.every((d, i) => x.diffIds[i] === d);
  } },
  'image-comment': { args: 'REF TEXT', doc: 'the image was committed with a message (-m) containing TEXT', zh: '镜像提交时附了说明（-m），且其中包含 TEXT', fn: (s, [r, ...t]) => !!image(s, r)?.comment.includes(t.join(' ')) },
  'image-author': { args: 'REF [TEXT]', doc: 'the image has an author (-a), containing TEXT', zh: '镜像设置了作者（-a），且其中包含 TEXT', fn: (s, [r, ...t]) => {
    const a = image(s, r)?.author ?? '';
    return t.length ? a.includes(t.join(' ')) : a !== '';
  } },
  'image-file-absent': { args: 'REF PATH', doc: "the image's filesystem has no PATH", zh: '镜像的文件系统里没有 PATH', fn: (s, [r, p]) => {
    const img = image(s, r);
    return !!img && !lookup(imageStack(s, img), p);
  } },
  'image-env': { args: 'REF KEY=VALUE', doc: 'the image sets this environment variable', zh: '镜像设置了这个环境变量', fn: (s, [r, kv]) => !!image(s, r)?.config.Env.includes(kv) },
  'image-workdir': { args: 'REF DIR', doc: 'the image has this working directory', zh: '镜像设置了这个工作目录', fn: (s, [r, d]) => image(s, r)?.config.WorkingDir === d },
  'image-user': { args: 'REF USER', doc: 'the image runs as this user', zh: '镜像以这个用户身份运行', fn: (s, [r, u]) => image(s, r)?.config.User === u },
  'image-exposes': { args: 'REF PORT/PROTO', doc: 'the image declares this port (EXPOSE)', zh: '镜像声明了这个端口（EXPOSE）', fn: (s, [r, p]) => !!image(s, r)?.config.ExposedPorts?.[p] },
  'image-volume': { args: 'REF PATH', doc: 'the image declares this volume (VOLUME)', zh: '镜像声明了这个卷（VOLUME）', fn: (s, [r, p]) => !!image(s, r)?.config.Volumes?.[p] },
  'image-entrypoint-has': { args: 'REF TEXT', doc: "the image's ENTRYPOINT mentions TEXT", zh: '镜像的 ENTRYPOINT 里包含 TEXT', fn: (s, [r, ...t]) => JSON.stringify(image(s, r)?.config.Entrypoint ?? null).includes(t.join(' ')) },
  'image-healthcheck-has': { args: 'REF TEXT', doc: "the image's HEALTHCHECK test mentions TEXT", zh: '镜像的 HEALTHCHECK 检测命令里包含 TEXT', fn: (s, [r, ...t]) => !!image(s, r)?.config.Healthcheck?.Test?.join(' ').includes(t.join(' ')) },
  'image-onbuild-has': { args: 'REF TEXT', doc: 'an ONBUILD trigger of the image mentions TEXT', zh: '镜像的某个 ONBUILD 触发器里包含 TEXT', fn: (s, [r, ...t]) => !!image(s, r)?.config.OnBuild?.some((x) => x.includes(t.join(' '))) },
};
