// How many network lanes share a row, in its own module so the page can read it without loading the engine.

/** Lanes per row in a landscape pane. */
export const COLS = 4;
/** Lanes per row in a portrait pane (a phone): two wide rows read larger than four narrow ones. */
export const PORTRAIT_COLS = 2;
