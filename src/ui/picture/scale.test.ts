// The layers view at the scale the picture must stay readable at, built by typed commands (so this test lives in ui,
// the one layer that may use both the shell and the diagrams).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../shell/session';
import { pictureModel as viewModel } from '../../diagrams/models';
import type { ViewModel } from '../../diagrams/view-types';

const node = (m: ViewModel, label: string) => m.nodes.find((n) => n.label === label)!;

describe('layers view at scale', () => {
  it('20 images built on busybox and 50 containers: one block of 20 images over the shared base, one writable block per image, no overlaps', async () => {
    const s = createSession({ headless: true });
    await s.run('for i in $(seq 0 49); do docker run -d --name c$i busybox sleep 1000; done > /dev/null');
    await s.run("for i in $(seq 1 20); do mkdir -p /root/b$i && printf 'FROM busybox\\nRUN echo %s > /f\\n' $i > /root/b$i/Dockerfile && docker build -q -t img$i /root/b$i; done > /dev/null");
    const m = viewModel('layers', s.engine.state, null);
    expect(m.nodes.map((n) => `${n.kind} ${n.label}`)).toEqual(['layer 4.26MB', 'image busybox:latest', 'image 20 images', 'writable 50 writable layers']);
    expect(node(m, '20 images').lines).toEqual(['img1:latest, img2:late…']);
    expect(m.width).toBeLessThan(600);
  });
});
