// A bare host's session replays (time travel, session files) and branches from a checkpoint into the same host.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { replay } from '../replay';
import { hostEntries } from '../checkpoint';

// just-bash's implicit parent folders and its initial files carry the wall clock's time in any two runs (as checkpoint.test.ts says)
const wall = (t: number) => (Math.abs(t - Date.now()) < 600_000 ? 'wall clock' : t);
const files = async (s: ReturnType<typeof createSession>) => (await hostEntries(s.fs)).map((e) => ({ ...e, mtime: wall(e.mtime) }));

const LINES = [
  'dockerlings-host bare',
  'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
  'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list',
  'sudo apt-get update -qq',
  'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io',
  'sudo usermod -aG docker $USER',
  'newgrp docker',
  'cd /tmp',
];

describe('a bare host replayed', () => {
  it('gives the same host record, prompt, working directory and files', async () => {
    const a = createSession({ headless: true });
    for (const l of LINES) await a.run(l);
    const b = await replay(a.journal());
    expect(b.engine.state.host).toEqual(a.engine.state.host);
    expect([a.prompt(), b.prompt()]).toEqual(['learner@dockerlings:/tmp$ ', 'learner@dockerlings:/tmp$ ']);
    expect(await files(b)).toEqual(await files(a));
    const r = await b.run('docker ps -q; echo $HOME $USER');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['/home/learner learner\n', '', 0]);
  });

  it('a branch from a checkpoint keeps the learner logged in', async () => {
    const a = createSession({ headless: true });
    for (const l of LINES) await a.run(l);
    const b = createSession({ headless: true, from: await a.checkpoint() });
    expect(b.prompt()).toBe('learner@dockerlings:/tmp$ ');
    const r = await b.run('whoami; docker ps -q');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['learner\n', '', 0]);
  });
});
