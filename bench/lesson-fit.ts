// `tsx bench/lesson-fit.ts`: how large each seeded lesson's Network and Layers pictures are drawn at Fit in the lab's
// picture pane at 1280×720 (about 582×357 px), over its solution typed step by step after its setup (each step's
// picture pinned to the one before, as the lab shows them): the smallest scale of any step, and that picture's size;
// then every step that moved something already drawn (node IDs drawn before and after it whose place changed).
import { readdirSync, readFileSync } from 'node:fs';
import { createSession } from '../src/shell/session';
import { parseLesson } from '../src/lessons/format';
import { runSetup } from '../src/classroom/setup';
import { pictureModel } from '../src/diagrams/models';
import { fit } from '../src/ui/picture/zoom';

const PANE = { w: 582, h: 357 };
const kinds = ['topology', 'layers'] as const;

// the lessons as the catalog finds them (its glob is vite's, so read here from the folders)
const root = new URL('../lessons/', import.meta.url);
const ids = readdirSync(root).flatMap((c) => readdirSync(new URL(`${c}/`, root)).map((l) => `${c}/${l}`)).sort();
for (const l of ids.map((id) => parseLesson(id, readFileSync(new URL(`${id}/lesson.md`, root), 'utf8')))) {
  const s = createSession({ headless: true });
  await runSetup(s, l.setup);
  let prev = s.engine.state;
  for (const kind of kinds) pictureModel(kind, prev, null);
  const worst = new Map<string, { k: number; w: number; h: number }>();
  const moves: string[] = [];
  for (const line of l.solution) {
    await s.run(line);
    for (const kind of kinds) {
      const m = pictureModel(kind, s.engine.state, prev);
      const was = new Map(pictureModel(kind, prev, null).nodes.map((n) => [n.id, `${n.x},${n.y}`]));
      const moved = m.nodes.filter((n) => n.mark !== 'removed' && was.has(n.id) && was.get(n.id) !== `${n.x},${n.y}`);
      if (moved.length) moves.push(`  ${kind} after \`${line}\`: ${moved.map((n) => n.label).join(', ')}`);
      const k = fit(m.width, m.height, PANE.w, PANE.h).k;
      if (k < (worst.get(kind)?.k ?? Infinity)) worst.set(kind, { k, w: m.width, h: m.height });
    }
    prev = s.engine.state;
  }
  const col = (kind: string) => {
    const x = worst.get(kind);
    return x ? `${x.k.toFixed(2)} (${x.w}×${x.h})` : '—';
  };
  console.log(`${l.id.padEnd(48)} Network ${col('topology').padEnd(18)} Layers ${col('layers')}`);
  for (const m of moves) console.log(m);
}
