// Helpers shared by engine tests: an engine with images pulled, a daemon error as `kind: message`, sleeping containers,
// and the seed's isolation layout.
import { createEngine, isDockerError, loadAllImageData, type Engine } from './index';

// engineWith pulls synchronously: every catalog chunk is loaded first (the docker client loads them on demand)
await loadAllImageData();

/** A fresh engine (seeded) with these images pulled. */
export function engineWith(seed: number, ...images: string[]): Engine {
  const e = createEngine({ seed });
  for (const i of images) e.image.pull(i);
  return e;
}

/** What a daemon call throws, as `kind: message`; 'no error' when it succeeds (other errors propagate). */
export function daemonError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isDockerError(e)) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

/** Create and start a busybox container that sleeps, with extra create options (networks, ports …); returns its id. */
export function startSleeper(e: Engine, name: string, o: Partial<Parameters<Engine['container']['create']>[0]> = {}): string {
  const { id } = e.container.create({ image: 'busybox', name, cmd: ['sleep', '1000'], ...o });
  e.container.start(id);
  return id;
}

/** The seed's isolation layout: my_net and my_net2, a container on each, box1 on both, web publishing 8080. */
export function isolation(): Engine {
  const e = engineWith(1, 'busybox', 'nginx');
  e.network.create({ name: 'my_net' });
  e.network.create({ name: 'my_net2' });
  startSleeper(e, 'box1', { hostConfig: { NetworkMode: 'my_net' } });
  startSleeper(e, 'box2', { hostConfig: { NetworkMode: 'my_net2' } });
  const { id: web } = e.container.create({ image: 'nginx', name: 'web', hostConfig: { NetworkMode: 'my_net', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
  e.container.start(web);
  e.network.connect('my_net2', 'box1', {});
  return e;
}
