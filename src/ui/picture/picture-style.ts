// The live picture's stylesheet as one string: the lab adds it to the page once, a widget adopts it in its shadow root.
import { TARGET_CSS } from './target-style';

export const PICTURE_CSS = `
.dl-picture { --pic-bg: var(--panel, #0d1117); --pic-fg: var(--text, #e6edf3); --pic-muted: var(--muted, #8b949e); --pic-line: var(--border, #30363d); --pic-accent: var(--accent, #58a6ff); --pic-ok: var(--ok, #3fb950); --pic-bad: var(--bad, #ff7b72); --pic-warn: var(--warn, #d29922); --pic-box: #161b22; --pic-lane: #0b1f33; --pic-host: #1b1530; --pic-add: #3fb950; --pic-chg: #e3b341;
  display: flex; flex-direction: column; min-height: 0; height: 100%; color: var(--pic-fg); font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
:root[data-theme='light'] .dl-picture, .dl-picture.light { --pic-box: #ffffff; --pic-lane: #eef5ff; --pic-host: #f5f0ff; --pic-add: #1a7f37; --pic-chg: #9a6700; --pic-muted: #59636e; }
.dl-picture .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--pic-line); }
.dl-picture .bar .grow { flex: 1; }
.dl-picture button { background: var(--button, #21262d); color: inherit; border: 1px solid var(--pic-line); border-radius: 6px; padding: 0.15rem 0.55rem; font: inherit; cursor: pointer; min-height: 26px; }
.dl-picture button[aria-selected='true'], .dl-picture button[aria-pressed='true'] { border-color: var(--pic-accent); color: var(--pic-accent); }
.dl-picture button.suggest { border-color: var(--pic-chg); color: var(--pic-chg); font-weight: 650; }
.dl-picture button:focus-visible, .dl-picture .node:focus-visible { outline: 2px solid var(--pic-accent); outline-offset: 2px; }
.dl-picture .stage { position: relative; flex: 1; min-height: 160px; overflow: hidden; display: flex; }
.dl-picture .canvas { flex: 1; min-width: 0; position: relative; touch-action: none; cursor: grab; contain: strict; }
.dl-picture .canvas.dragging { cursor: grabbing; }
.dl-picture .zoom { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.dl-picture svg.view { position: absolute; left: 0; top: 0; display: block; overflow: visible; }
.dl-picture svg.view.overlay { pointer-events: none; }
.dl-picture .empty { position: absolute; left: 1rem; bottom: 0.5rem; background: var(--pic-bg); padding: 0.2rem 0.4rem; border-radius: 4px; margin: 0; color: var(--pic-muted); }
.dl-picture .node rect { fill: var(--pic-box); stroke: var(--pic-line); stroke-width: 1.2; }
.dl-picture .node text { fill: var(--pic-fg); font-size: 13px; }
.dl-picture .node text.sub, .dl-picture .node tspan.sub { fill: var(--pic-muted); font-size: 11px; font-weight: normal; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
.dl-picture .node text.title { font-weight: 650; }
.dl-picture .node { transition: transform 300ms ease-out; cursor: pointer; }
.dl-picture .node.lane rect { fill: var(--pic-lane); stroke: none; }
.dl-picture .node.host rect { fill: var(--pic-host); stroke: none; }
.dl-picture .node.lane.none rect { fill: transparent; stroke: var(--pic-line); stroke-dasharray: 4 4; }
.dl-picture .node.lane .bus, .dl-picture .node.host .bus { stroke: var(--pic-accent); stroke-width: 3; }
.dl-picture .node.lane.volumes rect { fill: transparent; stroke: var(--pic-ok); stroke-dasharray: 4 4; }
.dl-picture .node.lane.volumes .bus { display: none; }
.dl-picture .node.iptables rect { stroke: var(--pic-warn); }
.dl-picture .node.port rect { stroke: var(--pic-accent); rx: 12px; }
.dl-picture .node.netns rect { stroke-dasharray: 6 3; stroke: var(--pic-accent); }
.dl-picture .node.chip rect { stroke-dasharray: 3 2; }
.dl-picture .node.volume rect { stroke: var(--pic-ok); stroke-width: 2; rx: 14px; }
.dl-picture .node.group rect { stroke-width: 2.4; }
.dl-picture .node.project rect { fill: transparent; stroke: var(--pic-accent); stroke-dasharray: 8 4; stroke-width: 1.5; }
.dl-picture .node.layer.shared rect { stroke: var(--pic-accent); stroke-width: 2; }
.dl-picture .node.layer.run rect { stroke: var(--pic-muted); }
.dl-picture .node.image rect { stroke: var(--pic-accent); }
.dl-picture .node.writable rect { stroke: var(--pic-warn); }
.dl-picture .node.writable.placeholder rect { fill: transparent; stroke: var(--pic-line); stroke-dasharray: 6 4; }
.dl-picture .node.file rect { fill: transparent; stroke: none; }
.dl-picture .node.file text { font-size: 11px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
.dl-picture .node.file.file-A text { fill: var(--pic-ok); }
.dl-picture .node.file.file-C text { fill: var(--pic-chg); }
.dl-picture .node.file.file-D text { fill: var(--pic-bad); }
.dl-picture .node.stopped rect { stroke-dasharray: 4 4; }
.dl-picture .node.decided rect { stroke: var(--pic-bad); stroke-width: 3; }
.dl-picture .node.reached rect { stroke: var(--pic-ok); stroke-width: 3; }
.dl-picture .node.selected rect { stroke: var(--pic-accent); stroke-width: 3; }
.dl-picture .edge { fill: none; stroke: var(--pic-muted); stroke-width: 1.5; }
.dl-picture .edge.veth { stroke: var(--pic-accent); stroke-width: 2.5; }
.dl-picture .edge.publish { stroke: var(--pic-accent); stroke-dasharray: 6 3; }
.dl-picture .edge.link { stroke: var(--pic-accent); stroke-dasharray: 2 3; }
.dl-picture .edge.mount { stroke: var(--pic-ok); stroke-dasharray: 1 3; stroke-width: 2; }
.dl-picture .edge.stopped { stroke-dasharray: 3 4; }
.dl-picture .node.mark-added rect, .dl-picture .edge.mark-added { stroke: var(--pic-add); stroke-width: 3; }
.dl-picture .node.mark-changed rect { stroke: var(--pic-chg); stroke-width: 3; }
.dl-picture .node.mark-removed text { text-decoration: line-through; }
.dl-picture .node.mark-removed rect { stroke: var(--pic-bad); stroke-dasharray: 3 3; }
.dl-picture .edge.mark-removed { stroke: var(--pic-bad); opacity: 0.4; }
.dl-picture .node.mark-added > .body { animation: dl-pop 320ms ease-out; }
.dl-picture .node.file.file-C.mark-added > .body { animation: dl-rise 400ms ease-out; }
.dl-picture .node.mark-removed > .body { animation: dl-fade 320ms ease-out; }
.dl-picture .dot { fill: var(--pic-warn); stroke: var(--pic-bg); stroke-width: 2; }
.dl-picture .trail { fill: none; stroke: var(--pic-warn); stroke-width: 2; stroke-dasharray: 5 4; opacity: 0.8; }
@keyframes dl-pop { from { opacity: 0; } to { opacity: 1; } }
@keyframes dl-rise { from { opacity: 0.2; transform: translateY(120px); } to { opacity: 1; transform: none; } }
@keyframes dl-fade { from { opacity: 1; } 50% { opacity: 0.3; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .dl-picture .node, .dl-picture .node > .body { transition: none !important; animation: none !important; } }
.dl-picture .facts { position: absolute; right: 0.5rem; top: 0.5rem; max-width: min(22rem, 70%); background: var(--pic-bg); border: 1px solid var(--pic-accent); border-radius: 8px; padding: 0.4rem 0.6rem; box-shadow: 0 4px 16px rgba(0,0,0,0.3); z-index: 2; }
.dl-picture .facts h3 { margin: 0 0 0.25rem; font-size: 0.95rem; }
.dl-picture .facts dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.6rem; margin: 0 0 0.4rem; font-size: 0.82rem; }
.dl-picture .facts dt { color: var(--pic-muted); }
.dl-picture .facts dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; overflow-wrap: anywhere; }
.dl-picture .stage.with-walk { flex-direction: column; }
.dl-picture .walk { max-height: 45%; overflow: auto; border-top: 1px solid var(--pic-line); padding: 0.3rem 0.6rem; font-size: 0.82rem; }
.dl-picture .walk ol { columns: 2 16rem; column-gap: 1.5rem; }
.dl-picture .walk li { break-inside: avoid; }
.dl-picture .walk h3 { font-size: 0.88rem; margin: 0.2rem 0; }
.dl-picture .walk .verdict { margin: 0.1rem 0 0.3rem; }
.dl-picture .walk ol { margin: 0; padding-left: 1.3rem; }
.dl-picture .walk li { margin: 0.15rem 0; }
.dl-picture .walk .chain { font-weight: 600; }
.dl-picture .walk code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 0.95em; margin-left: 0.4rem; overflow-wrap: anywhere; }
.dl-picture .walk .decided { color: var(--pic-bad); font-weight: 700; }
.dl-picture .walk.ok .decided { color: var(--pic-ok); }
.dl-picture .verdict { font-weight: 700; margin: 0.3rem 0; }
.dl-picture .verdict.ok { color: var(--pic-ok); }
.dl-picture .verdict.bad { color: var(--pic-bad); }
.dl-picture .foot { position: relative; display: flex; align-items: center; min-width: 0; border-top: 1px solid var(--pic-line); }
.dl-picture details.outline { flex: none; font-size: 0.85rem; }
.dl-picture details.outline > summary { padding: 0.2rem 0.5rem; cursor: pointer; white-space: nowrap; }
.dl-picture details.outline ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.dl-picture .foot details > ul { position: absolute; left: 0; right: 0; bottom: 100%; z-index: 3; max-height: min(14rem, 60vh); overflow: auto; margin: 0; padding: 0.3rem 0.5rem 0.3rem 1.7rem; background: var(--pic-bg); border-top: 1px solid var(--pic-accent); box-shadow: 0 -4px 12px rgba(0,0,0,0.25); contain: content; }
.dl-picture .outline .added { color: var(--pic-add); }
.dl-picture .changes { flex: 1; min-width: 0; contain: inline-size; border-left: 1px solid var(--pic-line); font-size: 0.8rem; }
.dl-picture .changes summary { padding: 0.2rem 0.5rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; }
.dl-picture .changes summary:focus-visible { outline: 2px solid var(--pic-accent); outline-offset: -2px; }
.dl-picture .changes .h { color: var(--pic-muted); font-weight: 600; }
.dl-picture .changes .count { display: inline-block; min-width: 1.2em; padding: 0 0.35em; margin: 0 0.5rem 0 0.3rem; border: 1px solid var(--pic-line); border-radius: 0.7em; text-align: center; color: var(--pic-fg); }
.dl-picture .changes .first, .dl-picture .changes .none { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; margin-right: 1rem; }
.dl-picture .changes .none { color: var(--pic-muted); }
.dl-picture .foot .changes > ul { list-style: none; padding-left: 0.5rem; font: 0.8rem ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
.dl-picture .changes .added { color: var(--pic-ok); }
.dl-picture .changes .removed { color: var(--pic-bad); }
.dl-picture .changes .changed { color: var(--pic-chg); }
.dl-picture .mermaid-view { flex: 1; overflow: auto; padding: 0.5rem; }
.dl-picture .mermaid-view svg { max-width: 100%; height: auto; }
.dl-picture .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Adds the stylesheet where `el` lives: the document's head once, or a shadow root's adopted sheets. */
export function usePictureStyle(el: HTMLElement): void {
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) {
    if ([...root.adoptedStyleSheets].some((s) => (s as CSSStyleSheet & { dlPicture?: boolean }).dlPicture)) return;
    const sheet = Object.assign(new CSSStyleSheet(), { dlPicture: true });
    sheet.replaceSync(PICTURE_CSS + TARGET_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if (document.getElementById('dl-picture-css')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'dl-picture-css', textContent: PICTURE_CSS + TARGET_CSS }));
}
