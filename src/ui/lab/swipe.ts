// A horizontal swipe on a touch screen: calls back with -1 (to the previous pane) or 1 (to the next).
export function swipe(node: HTMLElement, onSwipe: (dir: -1 | 1) => void) {
  let start: { x: number; y: number } | null = null;
  const down = (e: TouchEvent) => {
    // the picture's canvas pans with a drag, and text fields keep their own gestures
    const inside = (e.target as Element).closest?.('.canvas, input, textarea, select');
    start = e.touches.length === 1 && !inside ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
  };
  const up = (e: TouchEvent) => {
    if (!start) return;
    const dx = e.changedTouches[0].clientX - start.x;
    const dy = e.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
  };
  node.addEventListener('touchstart', down, { passive: true });
  node.addEventListener('touchend', up, { passive: true });
  return {
    update(cb: (dir: -1 | 1) => void) {
      onSwipe = cb;
    },
    destroy() {
      node.removeEventListener('touchstart', down);
      node.removeEventListener('touchend', up);
    },
  };
}
