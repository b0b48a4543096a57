// The live picture's words in each language (controls, the outline's title, the chain walk).
import type { Lang } from '../../lessons/format';

export const PICTURE_TEXT: Record<Lang, Record<'zoomIn' | 'zoomOut' | 'fit' | 'canvas' | 'type' | 'close' | 'outline' | 'changed' | 'unchanged' | 'walk' | 'path' | 'target' | 'tidy' | 'tidyTitle' | 'tidyGain', string>> = {
  en: { zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit', canvas: 'Picture: drag to pan, Ctrl+wheel or + and − to zoom, 0 to fit', type: 'Type', close: 'Close', outline: 'Text description', changed: 'What changed', unchanged: 'nothing', walk: 'iptables chain walk', path: 'Path', target: 'Target picture', tidy: 'Tidy', tidyTitle: 'Lay the picture out afresh, closing the gaps left by removed containers and images', tidyGain: 'Tidy would close the gaps and draw it {k}× as large' },
  zh: { zoomIn: '放大', zoomOut: '缩小', fit: '适应窗口', canvas: '示意图：拖动平移，Ctrl+滚轮或 + 和 − 缩放，0 适应窗口', type: '输入', close: '关闭', outline: '文字说明', changed: '刚才的变化', unchanged: '没有变化', walk: 'iptables 规则链经过', path: '路径', target: '目标图', tidy: '整理', tidyTitle: '重新排布示意图，收拢已删除的容器和镜像留下的空位', tidyGain: '整理可收拢空位，把示意图放大到 {k} 倍' },
};
