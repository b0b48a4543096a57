// The <docker-lab> widget's own stylesheet (inside its shadow root, so the host page's CSS neither leaks in nor out).
export const WIDGET_CSS = `
:host { display: block; margin: 1.5rem 0; color: #e6edf3; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
:host([hidden]) { display: none; }
:host([height="fill"]) { height: 100%; margin: 0; }
.lab { display: flex; flex-direction: column; height: 100%; box-sizing: border-box; background: #0d1117; border: 1px solid #30363d; border-radius: 8px; overflow: hidden; }
.bar { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.6rem; border-bottom: 1px solid #21262d; background: #161b22; }
.title { flex: 1; min-width: 0; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.brand { color: #58a6ff; font-size: 0.8em; }
button { background: #21262d; color: inherit; border: 1px solid #30363d; border-radius: 6px; padding: 0.15rem 0.6rem; font: inherit; font-size: 0.85em; cursor: pointer; }
button:hover { border-color: #8b949e; }
button[aria-pressed="true"] { border-color: #58a6ff; color: #58a6ff; }
.term { height: 320px; min-height: 120px; padding: 0.4rem 0.2rem 0.4rem 0.6rem; box-sizing: border-box; }
:host([height="fill"]) .term { flex: 1; height: auto; }
.term .host { height: 100%; overflow: hidden; }
.status { color: #8b949e; margin: 0.2rem; }
.goals { list-style: none; margin: 0; padding: 0.4rem 0.75rem; border-top: 1px solid #21262d; }
.goals:empty { display: none; }
.goals li { color: #8b949e; padding: 0.1rem 0; }
.goals li[data-met="yes"] { color: #3fb950; }
.goals li.bad { color: #ff7b72; }
.complete { margin: 0; padding: 0 0.75rem 0.4rem; color: #3fb950; font-weight: 600; }
.error { margin: 0; padding: 0.4rem 0.75rem; color: #ff7b72; border-top: 1px solid #21262d; }
.diagram { border-top: 1px solid #21262d; padding: 0.5rem 0.75rem; max-height: 420px; overflow: auto; }
.diagram .kinds { display: flex; gap: 0.4rem; margin-bottom: 0.4rem; }
.diagram svg { max-width: 100%; height: auto; }
[hidden] { display: none !important; }
`;
