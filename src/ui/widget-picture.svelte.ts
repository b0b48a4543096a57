// The widget's picture, loaded only when a reader opens it: the lab's live picture mounted in the widget's shadow root,
// drawing the model the widget's simulator worker made.
import { mount } from 'svelte';
import type { Change } from '../diagrams/changes';
import type { DiagramKind } from '../diagrams/kinds';
import type { DiagramModel, Layout } from '../diagrams/models';
import type { Lang } from '../lessons/format';
import type { Theme } from './theme';
import type { TargetView } from '../diagrams/target-overlay';
import Picture from './picture/Picture.svelte';

interface Shown {
  given: { diagram: DiagramModel | null; changes: Change[] };
  kind: DiagramKind;
  theme: Theme;
  lang: Lang;
  target: TargetView | null;
  layout: Layout;
}

const mounted = new WeakMap<HTMLElement, Shown>();

/** Shows the worker's `model` in `box` (mounting the picture the first time); `onKind` when the reader picks another view. */
export function renderDiagram(box: HTMLElement, model: DiagramModel, kind: DiagramKind, lang: Lang, theme: Theme, onKind: (k: DiagramKind) => void, target: TargetView | null = null, onLayout: (l: Layout) => void = () => undefined): void {
  const shown = mounted.get(box);
  if (!shown) {
    const props = $state<Shown>({ given: { diagram: model, changes: [] }, kind, theme, lang, target, layout: { cols: 4, gen: 0 } });
    mounted.set(box, props);
    mount(Picture, {
      target: box,
      props: {
        get given() { return props.given; },
        get kind() { return props.kind; },
        set kind(k) {
          props.kind = k;
          onKind(k);
        },
        get theme() { return props.theme; },
        get lang() { return props.lang; },
        get target() { return props.target; },
        get layout() { return props.layout; },
        set layout(l) {
          props.layout = l;
          onLayout($state.snapshot(l)); // a plain object: it is posted to the worker
        },
        showChanges: false,
      },
    });
    return;
  }
  shown.given = { diagram: model, changes: [] };
  shown.kind = kind;
  shown.theme = theme;
  shown.lang = lang;
  shown.target = target;
}
