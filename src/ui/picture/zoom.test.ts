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
});
