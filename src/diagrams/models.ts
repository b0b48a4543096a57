// View models of the diagrams: pure (engine state now, state before) → a JSON-serialisable model per kind (the worker posts them).
import type { EngineState } from '../engine/index';
import type { DiagramKind } from './kinds';
import { DRAW } from './draw';

/** One diagram, ready for the page to render: today mermaid text for each kind. */
export type DiagramModel = { kind: DiagramKind; format: 'mermaid'; text: string } | { kind: DiagramKind; format: 'error'; message: string };

/** The model of `kind` at a point in time (`prev`: the state before it, for views that mark what changed). */
export function viewModel(kind: DiagramKind, now: EngineState, prev: EngineState | null): DiagramModel {
  void prev; // the mermaid drawings show the state as it is; views that mark changes use it
  try {
    return { kind, format: 'mermaid', text: DRAW[kind](now) };
  } catch (e) {
    return { kind, format: 'error', message: (e as Error).message };
  }
}
