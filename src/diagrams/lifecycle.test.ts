// The lifecycle diagram: docker's container states and the commands between them, with the engine's containers on theirs.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index';
import { lifecycle } from './lifecycle';

const MACHINE = `stateDiagram-v2
  [*] --> created: docker create
  [*] --> running: docker run
  created --> running: docker start
  running --> paused: docker pause
  paused --> running: docker unpause
  running --> exited: docker stop / docker kill / process exits
  running --> restarting: process exits + restart policy
  restarting --> running: restart policy
  restarting --> exited: docker stop
  paused --> exited: docker stop
  exited --> running: docker start / docker restart
  created --> removing: docker rm
  exited --> removing: docker rm / --rm
  running --> removing: docker rm -f
  removing --> [*]
  removing --> dead: removal fails
  dead --> [*]: docker rm
`;

describe('lifecycle diagram', () => {
  it('with no containers: only the state machine', () => {
    expect(lifecycle(createEngine({ seed: 1 }).state)).toBe(`${MACHINE}  classDef occupied fill:#1f4b99,color:#ffffff\n`);
  });

  it('puts each container on its state (created, running, paused, exited with its code), in creation order', () => {
    const e = createEngine({ seed: 1 });
    e.image.pull('busybox');
    e.image.pull('hello-world');
    const run = (name: string, image = 'busybox') => {
      const { id } = e.container.create({ image, name, ...(image === 'busybox' ? { cmd: ['sleep', '1000'] } : {}) });
      e.container.start(id);
    };
    e.container.create({ image: 'busybox', name: 'fresh' });
    run('web');
    run('db');
    run('frozen');
    e.container.pause('frozen');
    run('hello', 'hello-world');
    e.advance(1000);
    run('gone');
    e.container.kill('gone');
    expect(lifecycle(e.state)).toBe(`${MACHINE}  created: created
  created: fresh
  running: running
  running: web
  running: db
  paused: paused
  paused: frozen
  exited: exited
  exited: hello (0)
  exited: gone (137)
  classDef occupied fill:#1f4b99,color:#ffffff
  class created,running,paused,exited occupied
`);
  });
});
