// The live picture's view models: pure functions of (engine state now, engine state before), JSON-serialisable, so
// they can be computed off the page's main thread (the simulator's worker posts them to the page as they are).
import type { EngineState, PacketRecord } from '../engine/index';
import type { DiagramKind } from './kinds';
import { networkModel } from './net-model';
import { layersModel } from './layers-model';
import { packetModel } from './packet-model';
import { lifecycle } from './lifecycle';
import { markChanges } from './marks';
import type { Layout, ViewModel } from './view-types';
import { DEFAULT_LAYOUT } from './net-model';

export type PictureKind = ViewModel['kind'];
export const PICTURE_KINDS: readonly PictureKind[] = ['topology', 'layers', 'packet'];

/** Each kind's model of a state, laid out where the state before it had things (positions are pinned step to step). */
const BUILD: Record<Exclude<PictureKind, 'packet'>, (s: EngineState, prev: EngineState | null, o: Layout) => ViewModel> = { topology: networkModel, layers: (s, prev, o) => layersModel(s, prev, o.gen) };

/** Engine states are frozen (immer): each state's model is made once, so the next step's "before" costs nothing. */
const made = new WeakMap<EngineState, Map<string, ViewModel>>();
function build(kind: Exclude<PictureKind, 'packet'>, s: EngineState, prev: EngineState | null, o: Layout): ViewModel {
  const per = made.get(s) ?? made.set(s, new Map()).get(s)!;
  const key = kind === 'layers' ? `${kind}:${o.gen}` : `${kind}:${o.cols}:${o.gen}`;
  return per.get(key) ?? per.set(key, BUILD[kind](s, prev, o)).get(key)!;
}

/** The SVG view of `kind` for `now`, its elements marked added/changed/removed against `prev` (null: nothing marked);
 *  `o`: the network view's columns and layout generation (see Layout); `packet`: the last packet sent by then. */
export function pictureModel(kind: PictureKind, now: EngineState, prev: EngineState | null, o: Layout = DEFAULT_LAYOUT, packet?: PacketRecord): ViewModel {
  // the packet view marks nothing but the packet itself: its path is the news (not cached: a step may send a packet
  // and leave the state as it was)
  if (kind === 'packet') return packetModel(now, prev, o, packet);
  // now first: it is pinned to `prev`'s layout only if that was made before (see placementOf)
  const model = withTidied(build(kind, now, prev, o), build(kind, now, null, { ...o, gen: AFRESH }));
  const before = prev && prev !== now ? build(kind, prev, null, o) : null;
  if (!before) return model;
  return markChanges(model, before);
}

/** A layout generation no picture is shown in: each state laid out afresh, as Tidy would, to tell how much smaller the
 *  pinned places (holes, kept room) make the picture. */
const AFRESH = -1;

function withTidied(m: ViewModel, afresh: ViewModel): ViewModel {
  return afresh.width < m.width || afresh.height < m.height ? { ...m, tidied: { width: afresh.width, height: afresh.height } } : m;
}

/** Any diagram, ready for the page: an SVG view model, the lifecycle's mermaid text, or why it could not be made. */
export type DiagramModel = (ViewModel & { format: 'view' }) | { kind: 'lifecycle'; format: 'mermaid'; text: string } | { kind: DiagramKind; format: 'error'; message: string };

/** The model of `kind` at a point in time (`prev`: the state before it, whose differences are marked). */
export function viewModel(kind: DiagramKind, now: EngineState, prev: EngineState | null, o: Layout = DEFAULT_LAYOUT, packet?: PacketRecord): DiagramModel {
  try {
    if (kind === 'lifecycle') return { kind, format: 'mermaid', text: lifecycle(now) };
    return { ...pictureModel(kind, now, prev, o, packet), format: 'view' };
  } catch (e) {
    return { kind, format: 'error', message: (e as Error).message };
  }
}

export type { Layout, ViewModel } from './view-types';
