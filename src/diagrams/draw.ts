// Engine state → mermaid text, for each kind of diagram.
import type { EngineState } from '../engine/index';
import type { DiagramKind } from './kinds';
import { topology } from './topology';
import { layers } from './layers';
import { packet } from './packet';
import { lifecycle } from './lifecycle';

export const DRAW: Record<DiagramKind, (s: EngineState) => string> = { topology, layers, packet, lifecycle };
