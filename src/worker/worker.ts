// Entry of the simulator worker: engine, docker client and shell run here; the page talks to it over protocol.ts.
import '../shell/sim-time'; // first: performance.now is patched before just-bash loads (simulated `time`)
import { SessionHost } from './host';
import type { Message, Request } from './protocol';

const post = (m: Message) => (self as unknown as { postMessage(m: Message): void }).postMessage(m);
const host = new SessionHost(post);

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  try {
    const value = await host.handle(req);
    if ('id' in req) post({ t: 'reply', id: req.id, value });
  } catch (err) {
    if ('id' in req) post({ t: 'fail', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
};
post({ t: 'ready' });
