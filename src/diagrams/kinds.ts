// The kinds of live diagram, in tab order (no drawing code here: the widget reads this before it loads any).
export const DIAGRAM_KINDS = ['topology', 'layers', 'packet', 'lifecycle'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];
