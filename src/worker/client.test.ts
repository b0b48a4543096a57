// The page's SessionClient over the worker protocol (an in-thread host): sessions, streaming, journal, views, and recovery from a runaway.
import { describe, expect, it } from 'vitest';
import { CRASH_NOTE, RESTART_NOTE, WorkerClient, type Port } from './client';
import { localPort } from './local';
import { TERMINAL_LIMIT } from './host';

async function run(c: WorkerClient, line: string): Promise<{ out: string; exitCode: number }> {
  let out = '';
  const r = await c.run(line, (t) => (out += t));
  return { out, exitCode: r.exitCode };
}

/** A port whose worker stops answering (as one stuck in `while true; do :; done` does) once it is sent `line`. */
function hangsOn(line: string, how: 'deaf' | 'crash' = 'deaf'): { spawn: () => Port; spawned: () => number } {
  let n = 0;
  return {
    spawned: () => n,
    spawn: () => {
      n++;
      const inner = localPort();
      let stuck = false;
      const port: Port = {
        onmessage: null,
        onerror: null,
        post(req) {
          if (stuck) return;
          if (req.t === 'run' && req.line === line) {
            stuck = true;
            if (how === 'crash') setTimeout(() => port.onerror?.());
            return;
          }
          inner.post(req);
        },
        terminate: () => inner.terminate(),
      };
      inner.onmessage = (m) => !stuck && port.onmessage?.(m);
      return port;
    },
  };
}

describe('SessionClient over the worker protocol', () => {
  it('builds a session from its setup, streams a command, mirrors the journal and the timeline labels', async () => {
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: ['docker network create lab'] });
    expect(c.base()).toBe(1);
    expect(c.prompt()).toBe('root@dockerlings:~# ');
    const r = await run(c, 'docker network ls --format "{{.Name}}"');
    expect(r.out).toBe('bridge\nhost\nlab\nnone\n');
    expect(c.journal()).toEqual([{ k: 'line', line: 'docker network create lab' }, { k: 'line', line: 'docker network ls --format "{{.Name}}"' }]);
    expect(c.labels()).toEqual(['docker network ls --format "{{.Name}}"']);
    expect(c.history()).toEqual(['docker network create lab', 'docker network ls --format "{{.Name}}"']);
    expect(await c.needsMoreInput('echo "open')).toBe(true);
    expect(await c.needsMoreInput('echo done')).toBe(false);
    expect(await c.complete('docker netw', 11)).toEqual({ from: 7, candidates: ['network'] });
    c.dispose();
  });

  it('views a point in time: the diagram model, what changed and the goals met now', async () => {
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: [] });
    await run(c, 'docker create --name web busybox');
    const v = await c.view(null, 'lifecycle', ['container-exists web', 'container-running web', 'no-such-check']);
    expect(v.met).toEqual([true, false, false]);
    expect(v.diagram).toMatchObject({ kind: 'lifecycle', format: 'mermaid' }); // the SVG views are checked in diagrams/
    expect(v.diagram && v.diagram.format === 'mermaid' && v.diagram.text).toContain('web');
    expect(v.changes.map((x) => x.what)).toContain('container web (created)');
    const before = await c.view(0, null, []);
    expect(before).toEqual({ diagram: null, changes: [], met: [], undone: [] });
    c.dispose();
  });

  it('the packet view follows time travel: each step shows the last packet sent by then, a step that sent one names it', async () => {
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: ['docker run -d --name aa busybox sleep 1000', 'docker run -d --name bb busybox sleep 1000'] });
    await run(c, 'docker exec aa ping -c 1 172.17.0.3');
    await run(c, 'docker ps -q');
    await run(c, 'docker exec bb ping -c 1 172.17.0.1');
    const title = async (at: number) => {
      const v = await c.view(at, 'packet', ['can-ping aa bb']);
      expect(v.met).toEqual([true]); // goals are judged over the whole session, whichever step is shown
      return { title: v.diagram?.format === 'view' ? (v.diagram.packet?.title ?? v.diagram.empty) : null, changes: v.changes.map((x) => x.what) };
    };
    expect(await title(0)).toEqual({ title: 'no packet yet: try ping or curl', changes: [] });
    expect(await title(1)).toEqual({ title: 'icmp echo 172.17.0.2 → 172.17.0.3', changes: ['packet icmp 172.17.0.2 → 172.17.0.3: DELIVERED'] });
    expect(await title(2)).toEqual({ title: 'icmp echo 172.17.0.2 → 172.17.0.3', changes: [] });
    expect(await title(3)).toEqual({ title: 'icmp echo 172.17.0.3 → 172.17.0.1', changes: ['packet icmp 172.17.0.3 → 172.17.0.1: DELIVERED'] });
    c.dispose();
  });

  it('a command the worker never finishes is given up a moment after Ctrl+C: fresh worker, session rebuilt without it', async () => {
    const ports = hangsOn('while true; do :; done');
    const c = new WorkerClient(ports.spawn, { graceMs: 20 });
    await c.start({ seed: 1, setup: ['docker network create lab'] });
    await run(c, 'docker create --name first busybox');
    const stuck = run(c, 'while true; do :; done');
    await new Promise((r) => setTimeout(r, 10)); // handed to the worker (a line still waiting for a session is just dropped)
    c.interrupt();
    const r = await stuck;
    expect(r).toEqual({ out: RESTART_NOTE, exitCode: 130 });
    expect(ports.spawned()).toBe(2);
    expect((await run(c, 'docker ps -a --format "{{.Names}}"')).out).toBe('first\n');
    expect((await run(c, 'docker network ls -q --filter name=lab | wc -l')).out).toBe('1\n');
    expect(c.journal().map((e) => (e.k === 'line' ? e.line : e.k))).toEqual(['docker network create lab', 'docker create --name first busybox', 'docker ps -a --format "{{.Names}}"', 'docker network ls -q --filter name=lab | wc -l']);
    expect(c.labels()).toHaveLength(3);
    c.dispose();
  });

  it('a worker that dies on a command (out of memory) is replaced the same way, without waiting for Ctrl+C', async () => {
    const ports = hangsOn('docker logs huge', 'crash');
    const c = new WorkerClient(ports.spawn);
    await c.start({ seed: 1, setup: [] });
    await run(c, 'docker create --name keep busybox');
    expect(await run(c, 'docker logs huge')).toEqual({ out: CRASH_NOTE, exitCode: 130 });
    expect((await run(c, 'docker ps -a --format "{{.Names}}"')).out).toBe('keep\n');
    c.dispose();
  });

  it('Ctrl+C reaches a command that waits for it (docker logs -f) without a restart', async () => {
    const ports = hangsOn('never typed');
    const c = new WorkerClient(ports.spawn, { graceMs: 5000 });
    await c.start({ seed: 1, setup: ['docker run -d --name tail busybox sh -c "echo hi; sleep 1000"'] });
    const following = run(c, 'docker logs -f tail');
    await new Promise((r) => setTimeout(r, 50));
    c.interrupt();
    expect(await following).toEqual({ out: 'hi\n', exitCode: 0 });
    expect(ports.spawned()).toBe(1);
    expect(c.journal().slice(-2)).toEqual([{ k: 'line', line: 'docker logs -f tail' }, { k: 'interrupt' }]);
    c.dispose();
  });

  it('a command printing more than the terminal keeps is cut, with a line saying how much was left out', async () => {
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: [] });
    const r = await run(c, 'seq 1 400000');
    const note = r.out.slice(TERMINAL_LIMIT);
    expect(r.out.slice(0, 12)).toBe('1\n2\n3\n4\n5\n6\n');
    expect(note).toBe('\n[output truncated: 1.6MB more not shown; the terminal keeps 1.0MB per command]\n');
    c.dispose();
  });

  it('switching between branches: each start replaces the session, and the view follows', async () => {
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: [] });
    for (const l of ['docker network create lab', 'docker create --name alpha --network lab busybox', 'docker create --name beta --network lab busybox']) await run(c, l);
    const first = c.journal();
    await c.start({ seed: 1, setup: [], events: first.slice(0, 1), base: 0 });
    await run(c, 'docker create --name gamma --network lab busybox');
    const text = async () => JSON.stringify((await c.view(null, 'topology', [])).diagram);
    expect(await text()).toContain('gamma');
    await c.start({ seed: 1, setup: [], events: first, base: 0 });
    expect(c.labels()).toHaveLength(3);
    expect(await text()).toContain('beta');
    expect(await text()).not.toContain('gamma');
    c.dispose();
  });

  it('docker logs -f of a container with a huge log: the terminal gets its share, then Ctrl+C ends the follow', async () => {
    const c = new WorkerClient(localPort, { graceMs: 5000 });
    const line = 'x'.repeat(1000);
    await c.start({ seed: 1, setup: [`docker run -d --name chatty busybox sh -c 'i=0; while [ $i -lt 1500 ]; do echo ${line}; i=$((i+1)); done; sleep 1000'`] });
    let out = '';
    const following = c.run('docker logs -f chatty', (t) => (out += t));
    await new Promise((r) => setTimeout(r, 50));
    c.interrupt();
    expect((await following).exitCode).toBe(0);
    expect(out.slice(TERMINAL_LIMIT)).toBe('\n[output truncated: 0.5MB more not shown; the terminal keeps 1.0MB per command]\n');
    expect(c.journal().slice(-2)).toEqual([{ k: 'line', line: 'docker logs -f chatty' }, { k: 'interrupt' }]);
    c.dispose();
  }, 60_000);

  it('replays a journal into a new session and tells the transcript of the learner steps', async () => {
    const c = new WorkerClient(localPort);
    const events = [{ k: 'line' as const, line: 'docker network create a' }, { k: 'line' as const, line: 'docker network ls -q --filter name=a | wc -l' }];
    const { intro } = await c.start({ seed: 1, setup: [], events, base: 1 });
    expect(intro).toBe('\x1b[1;32mroot@dockerlings\x1b[0m:\x1b[1;34m~\x1b[0m# docker network ls -q --filter name=a | wc -l\n1\n');
    expect(c.labels()).toEqual(['docker network ls -q --filter name=a | wc -l']);
    c.dispose();
  });
});

describe('before the first session', () => {
  it('a line typed before any session was asked for waits for it, then runs in it', async () => {
    const c = new WorkerClient(localPort);
    let out = '';
    const early = c.run('docker network ls --format "{{.Name}}" | grep early', (t) => (out += t));
    const more = c.needsMoreInput('echo ok');
    await new Promise((r) => setTimeout(r, 20));
    await c.start({ seed: 1, setup: ['docker network create early'] });
    expect(await more).toBe(false);
    expect((await early).exitCode).toBe(0);
    expect(out).toBe('early\n');
    c.dispose();
  });
});

describe('a simulator that cannot be had', () => {
  it('a worker that dies again while it replaces a dead one is given up on: commands fail at once with the reason', async () => {
    let spawned = 0;
    const dying = (): Port => {
      spawned++;
      const port: Port = { onmessage: null, onerror: null, post: () => {}, terminate: () => {} };
      setTimeout(() => port.onerror?.()); // fails to load
      return port;
    };
    const c = new WorkerClient(dying);
    const started = c.start({ seed: 1, setup: [] });
    await expect(started).rejects.toThrow();
    expect(spawned).toBe(2);
    const r = await c.run('echo hi');
    expect(r).toEqual({ stdout: '', stderr: 'dockerlings: the simulator could not be started again (reload the page)\n', exitCode: 1, output: 'dockerlings: the simulator could not be started again (reload the page)\n' });
    c.dispose();
  });
});
