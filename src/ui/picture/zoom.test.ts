// Fit: the whole picture, or the region worth reading when the whole would be drawn below its natural size.
import { describe, expect, it } from 'vitest';
import { fit, fitModel } from './zoom';

describe('fit', () => {
  it('fits the whole picture, never blown up past 1.25', () => {
    expect(fit(520, 312, 555, 440)).toEqual({ k: 539 / 520, tx: 8, ty: 8 }); // an 8 px margin all round
    expect(fit(100, 100, 555, 440)).toEqual({ k: 1.25, tx: (555 - 125) / 2, ty: 8 });
  });

  it('frames the focus (the packet path) when the whole would be drawn smaller than 1:1, else the whole', () => {
    const m = { width: 520, height: 312, focus: { x: 0, y: 60, w: 400, h: 100 } };
    const v = fitModel(m, 555, 220);
    expect(v.k).toBe(Math.min(1.25, 539 / 400, 204 / 100));
    // the focus's left edge lands at the margin (centred across), its top at the top margin
    expect(v.tx + m.focus.x * v.k).toBeCloseTo((555 - 400 * v.k) / 2);
    expect(v.ty + m.focus.y * v.k).toBe(8);
    expect(fitModel(m, 555, 440)).toEqual(fit(520, 312, 555, 440));
  });

  it('a portrait box fits the width and keeps scale 1 for the height: a tall picture pans; the news is scrolled into view', () => {
    const tall = { width: 260, height: 600 };
    expect([fit(260, 600, 374, 400).k, fit(260, 600, 374, 400, 1).k]).toEqual([384 / 600, 1]);
    const v = fitModel(tall, 374, 400);
    expect([v.k, v.ty]).toEqual([1, 8]);
    // a box added at the bottom: the view scrolls so it ends at the bottom margin
    expect(fitModel(tall, 374, 400, [{ x: 0, y: 500, w: 100, h: 72 }]).ty).toBe(400 - 8 - 572);
    // news near the top stays where the top is shown; news below the end never scrolls past the end
    expect(fitModel(tall, 374, 400, [{ x: 0, y: 20, w: 100, h: 72 }]).ty).toBe(8);
    expect(fitModel(tall, 374, 400, [{ x: 0, y: 590, w: 100, h: 72 }]).ty).toBe(400 - 8 - 600);
    // a landscape box still fits the whole
    expect(fitModel(tall, 600, 400).k).toBe(384 / 600);
    // a narrow portrait box shrinks the picture to its width
    expect(fitModel(tall, 200, 400).k).toBe(184 / 260);
  });
});
