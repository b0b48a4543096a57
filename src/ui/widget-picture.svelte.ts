// The widget's picture, loaded only when a reader opens it: the lab's live picture mounted in the widget's shadow root.
import { mount } from 'svelte';
import type { EngineState } from '../engine/index';
import type { DiagramKind } from '../diagrams/kinds';
import type { Lang } from '../lessons/format';
import type { Theme } from './theme';
import Picture from './picture/Picture.svelte';

interface Shown {
  now: EngineState;
  prev: EngineState | null;
  kind: DiagramKind;
  theme: Theme;
  lang: Lang;
}

const mounted = new WeakMap<HTMLElement, Shown>();

/** Shows `state` in `box` (mounting the picture the first time); the state shown before is what "changed" compares to. */
export function renderDiagram(box: HTMLElement, state: EngineState, kind: DiagramKind, lang: Lang, theme: Theme): void {
  const shown = mounted.get(box);
  if (!shown) {
    const props = $state<Shown>({ now: state, prev: null, kind, theme, lang });
    mounted.set(box, props);
    mount(Picture, { target: box, props: { get now() { return props.now; }, get prev() { return props.prev; }, get kind() { return props.kind; }, set kind(k) { props.kind = k; }, get theme() { return props.theme; }, get lang() { return props.lang; }, showChanges: false } });
    return;
  }
  if (shown.now !== state) [shown.prev, shown.now] = [shown.now, state];
  shown.theme = theme;
  shown.lang = lang;
}
