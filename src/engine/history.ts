// GET /images/{name}/history and POST /commit: image history rows and committing a container's writable layer.
import type { ContainerConfig, EngineState, HistoryEntry } from './state';
import { getImage, chainIds, tagsOf } from './images';
import { findContainer } from './containers';
import { parseRef } from './refs';
import { DockerError } from './errors';
import { putImage, addLayer } from './build-image';
import { parseInstructions } from './instructions';
import { applyMeta, emptyConfig, stageEnv, type StageState } from './build-steps';
import { DockerfileError } from './dockerfile';
import { pause, unpause } from './lifecycle';

export interface HistoryRow {
  /** `sha256:<hex>` for rows that are local images, `<missing>` otherwise. */
  id: string;
  /** ms since epoch (0: unknown). */
  created: number;
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

/**
 * moby daemon/images/image_history.go: newest first; the top row is the image itself, each next row
 * its parent image (classic builds and commits have parents), the rest `<missing>`.
 */
export function imageHistory(s: EngineState, ref: string): HistoryRow[] {
  const img = getImage(s, ref);
  const chains = chainIds(img.diffIds);
  let layer = 0;
  const rows: HistoryRow[] = img.history.map((h: HistoryEntry) => {
    const size = h.emptyLayer ? 0 : (s.layers[chains[layer++]]?.size ?? 0);
    return { id: '<missing>', created: h.created, createdBy: h.createdBy, size, comment: h.comment, tags: [] };
  });
  rows.reverse();
  let cur: typeof img | undefined = img;
  for (const row of rows) {
    if (!cur) break;
    row.id = cur.id;
    row.tags = tagsOf(s, cur.id).map((t) => parseRef(t).familiarTagged);
    cur = cur.parent ? s.images[cur.parent] : undefined;
  }
  return rows;
}

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
  const img = s.images[c.imageId];
  const base = img ?? { config: emptyConfig(true), diffIds: [], history: [], id: '' };
  const wasRunning = c.state.status === 'running';
  if (o.pause !== false && wasRunning) pause(s, c.id);
  const st: StageState = {
    index: 0, config: JSON.parse(JSON.stringify(c.config)) as ContainerConfig, diffIds: [...base.diffIds], history: base.history.map((h) => ({ ...h })),
    author: o.author ?? '', imageId: base.id, key: '', args: {}, argOrder: [], cmdSet: true, cmdIndex: 0, cmdTotal: 0,
  };
  // the committed config is the container's, minus what belongs to the container itself
  Object.assign(st.config, { Hostname: c.config.Hostname, Image: c.config.Image, AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: c.config.Tty, OpenStdin: c.config.OpenStdin, StdinOnce: false });
  for (const change of o.changes ?? []) {
    // builder.go:342-345 (v27.5.1): the instruction's name as typed (buildkit's parser keeps its case) must be a
    // commit command, checked before the instruction itself is parsed
    const word = change.trim().split(/\s+/)[0] ?? '';
    if (word && !CHANGE_OK.has(word.toLowerCase())) throw new DockerError('InvalidParameter', `${word} is not a valid change command`);
    let cmds;
    try {
      cmds = parseInstructions(`FROM scratch\n${change}\n`).stages[0].commands;
    } catch (e) {
      if (e instanceof DockerfileError) throw new DockerError('InvalidParameter', e.message.replace(/^dockerfile parse error on line 2: /, ''));
      throw e;
    }
    for (const cmd of cmds) {
      if (!CHANGE_OK.has(cmd.kind)) throw new DockerError('InvalidParameter', `${cmd.name} is not a valid change command`);
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
