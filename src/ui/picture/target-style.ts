// The target picture's styles (appended to the picture's one stylesheet): faded dashed ghosts, solid once matched.
export const TARGET_CSS = `
.dl-picture .ghost rect { fill: none; stroke: var(--pic-muted); stroke-width: 1.6; stroke-dasharray: 6 4; }
.dl-picture .ghost.missing rect { fill: var(--pic-muted); fill-opacity: 0.08; }
.dl-picture .ghost.differs rect { stroke: var(--pic-warn); }
.dl-picture .ghost.met rect { stroke: var(--pic-ok); stroke-dasharray: none; stroke-width: 2; }
.dl-picture .ghost.lane.met rect, .dl-picture .ghost.lane.differs rect { stroke-width: 1.4; }
.dl-picture .ghost text { fill: var(--pic-muted); font-size: 13px; font-style: italic; }
.dl-picture .ghost text.sub { font-size: 11px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
.dl-picture .ghost text.title { font-weight: 600; }
.dl-picture .ghost-edge { fill: none; stroke: var(--pic-muted); stroke-width: 1.4; stroke-dasharray: 5 4; }
.dl-picture .target-outline { border-top: 1px solid var(--pic-line); padding: 0.25rem 0.5rem; font-size: 0.85rem; max-height: 9rem; overflow: auto; }
.dl-picture .target-outline h4 { margin: 0; font-size: 0.8rem; color: var(--pic-muted); font-weight: 600; }
.dl-picture .target-outline ul { margin: 0.1rem 0 0; padding-left: 1.1rem; }
.dl-picture .target-outline.met > ul > li:first-child { color: var(--pic-ok); }
`;
