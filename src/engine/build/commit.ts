// POST /commit: a container's writable layer becomes an image (`--change` takes Dockerfile instructions), as the classic builder commits each step.
import { dict } from '../dict';
import { clone } from '../clone';
import type { EngineState } from '../state';
import { findContainer } from '../lookup';
import { parseRef } from '../refs';
import { invalid } from '../errors';
import { putImage, addLayer } from './store';
import { parseInstructions } from './instructions';
import { applyMeta, emptyConfig, stageEnv, type StageState } from './steps';
import { DockerfileError } from './dockerfile';
import { pause, unpause } from '../container';
import { containerImage } from '../image';

export interface CommitOptions {
  container: string;
  /** REPOSITORY[:TAG] to tag the new image with. */
  ref?: string;
  author?: string;
  message?: string;
  /** Dockerfile instructions (`--change`): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR. */
  changes?: string[];
  pause?: boolean;
}

const CHANGE_OK = new Set(['cmd', 'entrypoint', 'env', 'expose', 'label', 'onbuild', 'user', 'volume', 'workdir', 'stopsignal', 'healthcheck']);

/** `docker commit`: the container's upper layer becomes a layer on top of its image (daemon/images/image_commit.go). */
export function commit(s: EngineState, o: CommitOptions): string {
  const c = findContainer(s, o.container);
  if (o.ref) parseRef(o.ref);
  const img = containerImage(s, c);
  const base = img ?? { config: emptyConfig(true), diffIds: [], history: [], id: '' };
  const wasRunning = c.state.status === 'running';
  if (o.pause !== false && wasRunning) pause(s, c.id);
  const st: StageState = {
    index: 0, config: clone(c.config), diffIds: [...base.diffIds], history: base.history.map((h) => ({ ...h })),
    author: o.author ?? '', imageId: base.id, key: '', args: dict(), argOrder: [], cmdSet: true, cmdIndex: 0, cmdTotal: 0,
  };
  // the committed config is the container's, minus what belongs to the container itself
  Object.assign(st.config, { Hostname: c.config.Hostname, Image: c.config.Image, AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: c.config.Tty, OpenStdin: c.config.OpenStdin, StdinOnce: false });
  for (const change of o.changes ?? []) {
    // builder.go:342-345 (v27.5.1): the instruction's name as typed (buildkit's parser keeps its case) must be a
    // commit command, checked before the instruction itself is parsed
    const word = change.trim().split(/\s+/)[0] ?? '';
    if (word && !CHANGE_OK.has(word.toLowerCase())) throw invalid(`${word} is not a valid change command`);
    let cmds;
    try {
      cmds = parseInstructions(`FROM scratch\n${change}\n`).stages[0].commands;
    } catch (e) {
      if (e instanceof DockerfileError) throw invalid(e.message.replace(/^dockerfile parse error on line 2: /, ''));
      throw e;
    }
    for (const cmd of cmds) {
      if (!CHANGE_OK.has(cmd.kind)) throw invalid(`${cmd.name} is not a valid change command`);
      if (cmd.kind === 'workdir') st.config.WorkingDir = cmd.value;
      else applyMeta(st, cmd, stageEnv(st), '\\', {});
    }
  }
  const empty = Object.keys(c.upper).length === 0;
  const diffIds = empty ? st.diffIds : [...st.diffIds, addLayer(s, st.diffIds, c.upper)];
  const history = [...st.history, { created: s.clock, createdBy: (c.config.Cmd ?? []).join(' '), emptyLayer: empty, comment: o.message ?? '' }];
  const id = putImage(s, { config: st.config, diffIds, history, created: s.clock, author: o.author ?? '', parent: base.id, comment: o.message ?? '' });
  if (o.ref) s.tags[parseRef(o.ref).fullTagged] = id;
  if (o.pause !== false && wasRunning) unpause(s, c.id);
  return id;
}
