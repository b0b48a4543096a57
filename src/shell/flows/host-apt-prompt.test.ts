// apt-get install without -y asks "Do you want to continue? [Y/n]" on the terminal, as real apt does, and waits for the learner.
import { describe, expect, it, vi } from 'vitest';
import { createSession } from '../session';
import { replay } from '../replay';

const KEY = 'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg';
const LIST = 'echo "deb [arch=$(dpkg --print-architecture) signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu $(lsb_release -cs) stable" | sudo tee /etc/apt/sources.list.d/docker.list > /dev/null';
const SETUP = ['dockerlings-host bare', KEY, LIST, 'sudo apt-get update -qq'];
const INSTALL = 'sudo apt-get install docker-ce docker-ce-cli containerd.io';
/** What apt prints before its question (apt 2.7.14 on noble). */
const PLAN =
  'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nThe following additional packages will be installed:\n  docker-buildx-plugin docker-ce-rootless-extras docker-compose-plugin libltdl7\n  libslirp0 pigz slirp4netns\nThe following NEW packages will be installed:\n  containerd.io docker-buildx-plugin docker-ce docker-ce-cli\n  docker-ce-rootless-extras docker-compose-plugin libltdl7 libslirp0 pigz\n  slirp4netns\n0 upgraded, 10 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 125 MB of archives.\nAfter this operation, 479 MB of additional disk space will be used.\n';
const QUESTION = 'Do you want to continue? [Y/n] ';
const GET1 = 'Get:1 https://download.docker.com/linux/ubuntu noble/stable amd64 containerd.io amd64 1.7.25-1 [29.6 MB]\n';

async function live() {
  const s = createSession({ seed: 7 });
  for (const l of SETUP) await s.run(l);
  return s;
}

describe('apt-get install asks before installing more than was named', () => {
  it('at the terminal: the plan and the question show at once, then Enter installs', async () => {
    const s = await live();
    let shown = '';
    const done = s.run(INSTALL, (t) => (shown += t));
    await vi.waitFor(() => expect(s.asking()).toEqual({ secret: false }));
    expect(shown).toBe(PLAN + QUESTION);
    expect(s.engine.state.host?.packages).toEqual([]);
    s.answer('');
    const r = await done;
    expect([r.stdout.startsWith(PLAN + QUESTION + GET1), r.stderr, r.exitCode]).toEqual([true, '', 0]);
    expect(shown.startsWith(PLAN + QUESTION + GET1)).toBe(true);
    expect(r.stdout.endsWith('Processing triggers for libc-bin (2.39-0ubuntu8.3) ...\n')).toBe(true);
    expect((await s.run('systemctl is-active docker')).stdout).toBe('active\n');
  });

  it('at the terminal: n is "Abort." with exit 1 and nothing installed', async () => {
    const s = await live();
    const done = s.run(INSTALL);
    await vi.waitFor(() => expect(s.asking()).not.toBeNull());
    s.answer('n');
    expect(await done).toMatchObject({ stdout: PLAN + QUESTION + 'Abort.\n', stderr: '', exitCode: 1 });
    expect((await s.run('echo $?; systemctl status docker')).stdout).toBe('1\n');
    expect(s.engine.state.host?.packages).toEqual([]);
  });

  it('piped stdin answers as apt reads it without a terminal (no echo); end of input aborts', async () => {
    const s = createSession({ headless: true });
    for (const l of SETUP) await s.run(l);
    expect(await s.run(INSTALL)).toMatchObject({ stdout: PLAN + QUESTION + 'Abort.\n', stderr: '', exitCode: 1 });
    expect(await s.run(`echo n | ${INSTALL}`)).toMatchObject({ stdout: PLAN + QUESTION + 'Abort.\n', exitCode: 1 });
    const r = await s.run(`echo y | ${INSTALL}`);
    expect([r.stdout.startsWith(PLAN + QUESTION + GET1), r.exitCode]).toEqual([true, 0]);
  });

  it('-y still installs without asking', async () => {
    const s = createSession({ headless: true });
    for (const l of SETUP) await s.run(l);
    const r = await s.run(INSTALL.replace('install', 'install -y'));
    expect([r.stdout.startsWith(PLAN + GET1), r.exitCode]).toEqual([true, 0]);
  });

  it('a replay answers from the journal and shows the answer after the question', async () => {
    const s = await live();
    const done = s.run(INSTALL);
    await vi.waitFor(() => expect(s.asking()).not.toBeNull());
    s.answer('Y');
    await done;
    const again = await replay(s.journal());
    expect(again.engine.state.host?.packages).toEqual(s.engine.state.host?.packages);
    const text = again.transcript().map((t) => t.text).join('');
    expect(text).toContain(PLAN + QUESTION + 'Y\n' + GET1);
  });

  it('apt-get remove asks too', async () => {
    const s = await live();
    await s.run(INSTALL.replace('install', 'install -y -qq'));
    const done = s.run('sudo apt-get remove docker-ce docker-ce-cli');
    await vi.waitFor(() => expect(s.asking()).not.toBeNull());
    s.answer('n');
    expect(await done).toMatchObject({
      stdout: 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nThe following packages will be REMOVED:\n  docker-ce docker-ce-cli\n0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded.\nAfter this operation, 147 MB disk space will be freed.\n' + QUESTION + 'Abort.\n',
      exitCode: 1,
    });
  });
});
