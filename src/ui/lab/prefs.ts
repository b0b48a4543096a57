// The lab's layout preferences kept in the browser: the lesson panel open or closed, the divider's place.
const KEY = 'dockerlings.layout.';
const store = () => (typeof localStorage === 'undefined' ? null : localStorage);

export function lessonPanelOpen(): boolean {
  return store()?.getItem(KEY + 'lessonOpen') !== 'no';
}
export function saveLessonPanelOpen(open: boolean): void {
  store()?.setItem(KEY + 'lessonOpen', open ? 'yes' : 'no');
}
/** The terminal's share of the width, 0.2–0.8 (0.55 at first; a stored value out of range is ignored). */
export function splitRatio(): number {
  const v = Number(store()?.getItem(KEY + 'split'));
  return v >= 0.2 && v <= 0.8 ? v : 0.53;
}
export function saveSplitRatio(r: number): void {
  store()?.setItem(KEY + 'split', r.toFixed(3));
}
