// Zoom and pan of the picture: fit-to-view and zooming about a point, as pure functions of sizes (no DOM).
export interface View {
  k: number;
  tx: number;
  ty: number;
}

const PAD = 8;
/** Never blown up past 1.25: a small picture stays at its natural size, centred at the top. `minK`: the height does not
 *  shrink it below this scale (the width still does); what is taller than the box is reached by panning. */
export function fit(w: number, h: number, boxW: number, boxH: number, minK = 0): View {
  if (!w || !h || !boxW || !boxH) return { k: 1, tx: PAD, ty: PAD };
  const k = Math.min(1.25, (boxW - 2 * PAD) / w, Math.max(minK, (boxH - 2 * PAD) / h));
  return { k, tx: Math.max(PAD, (boxW - w * k) / 2), ty: PAD };
}

/** The scale a portrait pane (a phone) keeps at fit: 1, so its 11 px labels are drawn at 11 px; it pans up and down. */
export const PORTRAIT_MIN_K = 1;

type Rect = { x: number; y: number; w: number; h: number };

/** Fits the whole picture, or its `focus` (a region worth reading) when the whole would be drawn below its natural size.
 *  In a portrait box the picture is fitted to the width (down to PORTRAIT_MIN_K for the height); when it is then taller
 *  than the box, the view shows `news` (what the last command added), else the top. */
export function fitModel(m: { width: number; height: number; focus?: Rect }, boxW: number, boxH: number, news: Rect[] = []): View {
  const minK = boxH > boxW ? PORTRAIT_MIN_K : 0;
  const whole = fit(m.width, m.height, boxW, boxH, minK);
  if (m.focus && whole.k < 1 && m.focus.w && m.focus.h) {
    const f = fit(m.focus.w, m.focus.h, boxW, boxH, minK);
    return { k: f.k, tx: f.tx - m.focus.x * f.k, ty: f.ty - m.focus.y * f.k };
  }
  if (m.height * whole.k <= boxH - 2 * PAD || !news.length) return whole;
  // taller than the box: scrolled so the news is in view (the lowest of it at the bottom; its top, if it is taller than the
  // box), but never past either end of the picture
  const k = whole.k;
  const top = Math.min(...news.map((r) => r.y));
  const bottom = Math.max(...news.map((r) => r.y + r.h));
  const ty = Math.max(boxH - PAD - bottom * k, PAD - top * k);
  return { ...whole, ty: Math.min(PAD, Math.max(boxH - PAD - m.height * k, ty)) };
}

/** Zooms by `factor` keeping the point (px, py) of the box where it is. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const k = Math.min(4, Math.max(0.1, v.k * factor));
  const f = k / v.k;
  return { k, tx: px - (px - v.tx) * f, ty: py - (py - v.ty) * f };
}
