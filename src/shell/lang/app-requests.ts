// How an HTTP request reaches a server script (node's http.createServer) that the shell runtime runs: the network side
// asks the session's runner, which runs the container's program again in request mode and takes the response the
// program left here. The program rebuilds its memory by answering, silently, the requests its process answered before
// (servedBefore), so state lives as long as the process and stays plain data in the engine.
import type { Container, Engine, HttpReply, ServedRequest } from '../../engine/index';
import { containerById } from '../../engine/index';

export interface AppRequest { method: string; url: string; headers: Record<string, string>; client: string; body?: string }
/** `writes`: the files (path, content) and folders the handler wrote while answering, for the container's filesystem. */
export type AppReply = HttpReply & { logs?: { stream: 'stdout' | 'stderr'; text: string }[]; served?: ServedRequest; exit?: number; writes?: HandlerWrites };
export interface HandlerWrites { files: [string, string][]; dirs: string[] }

/** The requests this container's running server already answered (none after a restart: a new process). */
export const servedBefore = (c: Container | undefined): ServedRequest[] => (c?.process?.kind === 'script' ? (c.process.served ?? []) : []);
type Runner = (id: string, req: AppRequest) => Promise<AppReply | undefined>;

const runners = new WeakMap<Engine, Runner>();
const pending = new Map<string, AppRequest>();
const answers = new Map<string, AppReply>();

export const setAppRunner = (engine: Engine, run: Runner) => runners.set(engine, run);

/** The reply of the server script in container `target` (the one the connection reaches), when it runs one. */
export async function appReplies(engine: Engine, target: string, req: AppRequest): Promise<Record<string, AppReply>> {
  const run = runners.get(engine);
  const c = containerById(engine.state, target);
  if (!run || !c || c.state.status !== 'running' || !(c.process?.kind === 'script' && c.process.listens?.length)) return {};
  const r = await run(c.id, req);
  return r ? { [c.id]: r } : {};
}

/** For the program: the request it should answer (when the runtime started it for one). */
export function takeRequest(id: string | null): AppRequest | undefined {
  if (!id) return undefined;
  const r = pending.get(id);
  pending.delete(id);
  return r;
}

export const giveRequest = (id: string, req: AppRequest) => pending.set(id, req);
export const putAnswer = (id: string, reply: AppReply) => answers.set(id, reply);
export function takeAnswer(id: string): AppReply | undefined {
  const r = answers.get(id);
  answers.delete(id);
  return r;
}
