// The live picture's view models: pure functions of (engine state now, engine state before), JSON-serialisable, so
// they can be computed off the page's main thread (in the simulator's worker) and posted to the page as they are.
import type { EngineState } from '../engine/index';
import { networkModel } from './net-model';
import { layersModel } from './layers-model';
import { packetModel } from './packet-model';
import { markChanges } from './marks';
import type { ViewModel } from './view-types';

export type PictureKind = ViewModel['kind'];
export const PICTURE_KINDS: readonly PictureKind[] = ['topology', 'layers', 'packet'];

const BUILD: Record<PictureKind, (s: EngineState) => ViewModel> = { topology: networkModel, layers: layersModel, packet: packetModel };

/** The view of `kind` for `now`, its elements marked added/changed/removed against `prev` (null: nothing marked). */
export function viewModel(kind: PictureKind, now: EngineState, prev: EngineState | null): ViewModel {
  const model = BUILD[kind](now);
  if (!prev || prev === now) return model;
  // the packet view marks nothing but the packet itself: its path is the news
  if (kind === 'packet') return model;
  return markChanges(model, BUILD[kind](prev));
}

export type { ViewModel } from './view-types';
