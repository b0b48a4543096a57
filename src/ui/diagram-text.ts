// The diagram panel's words in each language (the lab's Diagram.svelte and the widget share them).
import type { Lang } from '../lessons/format';
import type { DiagramKind } from '../diagrams/kinds';

export const DIAGRAM_TEXT: Record<Lang, Record<DiagramKind | 'diagram', string>> = {
  en: { diagram: 'Diagram', topology: 'Network', layers: 'Layers', packet: 'Packet', lifecycle: 'Lifecycle' },
  zh: { diagram: '示意图', topology: '网络', layers: '镜像层', packet: '数据包', lifecycle: '生命周期' },
};
