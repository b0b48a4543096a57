// Small helpers for writing mermaid source safely: node ids and quoted labels.

/** A mermaid node id from any text (letters, digits, underscores). */
export const nodeId = (prefix: string, key: string) => `${prefix}_${key.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A quoted label; mermaid's entity codes stand in for quotes and angle brackets, `<br/>` breaks lines. */
export function label(...lines: string[]): string {
  const esc = (t: string) => t.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  return `"${lines.map(esc).join('<br/>')}"`;
}
