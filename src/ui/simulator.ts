// The page's simulator: engine, docker client and shell in a module worker, behind a SessionClient (lab, each widget, teacher page).
import { WorkerClient, type ClientOptions, type Port } from '../worker/client';

export type { SessionClient } from '../worker/client';

/** A fresh simulator worker (one per lab, per <docker-lab> element, per verification). */
export function workerPort(): Port {
  const w = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'dockerlings-simulator' });
  const port: Port = {
    onmessage: null,
    onerror: null,
    post: (r) => w.postMessage(r),
    terminate: () => w.terminate(),
  };
  w.onmessage = (e) => port.onmessage?.(e.data);
  w.onerror = (e) => {
    e.preventDefault(); // the client rebuilds the session in a new worker; no uncaught error on the page
    port.onerror?.();
  };
  return port;
}

export function createSimulator(opts: ClientOptions = {}): WorkerClient {
  return new WorkerClient(workerPort, opts);
}
