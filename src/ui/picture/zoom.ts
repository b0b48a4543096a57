// Zoom and pan of the picture: fit-to-view and zooming about a point, as pure functions of sizes (no DOM).
export interface View {
  k: number;
  tx: number;
  ty: number;
}

const PAD = 8;
/** Never blown up past 1.25: a small picture stays at its natural size, centred at the top. */
export function fit(w: number, h: number, boxW: number, boxH: number): View {
  if (!w || !h || !boxW || !boxH) return { k: 1, tx: PAD, ty: PAD };
  const k = Math.min(1.25, (boxW - 2 * PAD) / w, (boxH - 2 * PAD) / h);
  return { k, tx: Math.max(PAD, (boxW - w * k) / 2), ty: PAD };
}

/** Fits the whole picture, or its `focus` (a region worth reading) when the whole would be drawn below its natural size. */
export function fitModel(m: { width: number; height: number; focus?: { x: number; y: number; w: number; h: number } }, boxW: number, boxH: number): View {
  const whole = fit(m.width, m.height, boxW, boxH);
  if (!m.focus || whole.k >= 1 || !m.focus.w || !m.focus.h) return whole;
  const f = fit(m.focus.w, m.focus.h, boxW, boxH);
  return { k: f.k, tx: f.tx - m.focus.x * f.k, ty: f.ty - m.focus.y * f.k };
}

/** Zooms by `factor` keeping the point (px, py) of the box where it is. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const k = Math.min(4, Math.max(0.1, v.k * factor));
  const f = k / v.k;
  return { k, tx: px - (px - v.tx) * f, ty: py - (py - v.ty) * f };
}
