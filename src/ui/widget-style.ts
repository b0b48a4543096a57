// The <docker-lab> widget's own stylesheet (inside its shadow root, so the host page's CSS neither leaks in nor out).
export const WIDGET_CSS = `
:host { --fg: #e6edf3; --bg: #0d1117; --bar: #161b22; --line: #21262d; --border: #30363d; --button: #21262d; --muted: #8b949e; --accent: #58a6ff; --ok: #3fb950; --bad: #ff7b72; display: block; margin: 1.5rem 0; color: var(--fg); font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
:host([hidden]) { display: none; }
:host([data-theme="light"]) { --fg: #1f2328; --bg: #ffffff; --bar: #f6f8fa; --line: #d1d9e0; --border: #d1d9e0; --button: #f6f8fa; --muted: #59636e; --accent: #0969da; --ok: #1a7f37; --bad: #d1242f; }
:host([height="fill"]) { height: 100%; margin: 0; }
.lab { display: flex; flex-direction: column; height: 100%; box-sizing: border-box; background: var(--bg); border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
.bar { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); background: var(--bar); }
.title { flex: 1; min-width: 0; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.brand { color: var(--accent); font-size: 0.8em; }
button { background: var(--button); color: inherit; border: 1px solid var(--border); border-radius: 6px; padding: 0.15rem 0.6rem; font: inherit; font-size: 0.85em; cursor: pointer; }
button:hover { border-color: var(--muted); }
button[aria-pressed="true"] { border-color: var(--accent); color: var(--accent); }
.term { height: 320px; min-height: 120px; padding: 0.4rem 0.2rem 0.4rem 0.6rem; box-sizing: border-box; }
:host([height="fill"]) .term { flex: 1; height: auto; }
.term .host { height: 100%; overflow: hidden; }
.status { color: var(--muted); margin: 0.2rem; }
.goals { list-style: none; margin: 0; padding: 0.4rem 0.75rem; border-top: 1px solid var(--line); }
.goals:empty { display: none; }
.goals li { color: var(--muted); padding: 0.1rem 0; }
.goals li[data-met="yes"] { color: var(--ok); }
.goals li.bad { color: var(--bad); }
.complete { margin: 0; padding: 0 0.75rem 0.4rem; color: var(--ok); font-weight: 600; }
.error { margin: 0; padding: 0.4rem 0.75rem; color: var(--bad); border-top: 1px solid var(--line); }
.diagram { border-top: 1px solid var(--line); height: 420px; --panel: var(--bg); --text: var(--fg); }
[hidden] { display: none !important; }
`;
