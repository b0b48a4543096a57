// An in-thread stand-in for the worker (tests): the same SessionHost behind the same messages, delivered asynchronously.
import '../shell/sim-time'; // first: performance.now is patched before just-bash loads (simulated `time`)
import { SessionHost } from './host';
import type { Message, Request } from './protocol';
import type { Port } from './client';

/** A port whose "worker" is a SessionHost in this thread; every message is a copy, as postMessage would make. */
export function localPort(): Port {
  const copy = <T>(v: T): T => structuredClone(v);
  let dead = false;
  const port: Port = {
    onmessage: null,
    onerror: null,
    post(req) {
      const r = copy(req);
      setTimeout(async () => {
        if (dead) return;
        try {
          const value = await host.handle(r);
          if ('id' in r) deliver({ t: 'reply', id: r.id, value });
        } catch (err) {
          if ('id' in r) deliver({ t: 'fail', id: r.id, message: (err as Error).message });
        }
      });
    },
    terminate() {
      dead = true;
    },
  };
  const deliver = (m: Message) => !dead && setTimeout(() => !dead && port.onmessage?.(copy(m)));
  const host = new SessionHost((m) => void deliver(m));
  deliver({ t: 'ready' });
  return port;
}

export type { Request };
