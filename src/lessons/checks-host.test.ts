// The host goal checks (a lesson's `host: bare`) follow the engine's host record, not what was typed.
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { evaluate } from './checks';

const CHECKS = ['docker-installed', 'daemon-running', 'daemon-stopped', 'daemon-enabled', 'user-in-group learner docker', 'shell-in-group docker', 'daemon-mirror https://mirror.gcr.io'];

describe('host checks', () => {
  it('on the usual host Docker counts as installed, running and enabled; nothing else holds', async () => {
    const s = createSession({ headless: true });
    expect(CHECKS.map((c) => evaluate(s.engine.state, c))).toEqual([true, true, false, true, false, false, false]);
  });

  it('follow a bare host through the install, the group, a mirror and a stop', async () => {
    const s = createSession({ headless: true });
    const at = () => CHECKS.map((c) => evaluate(s.engine.state, c));
    await s.run('dockerlings-host bare');
    expect(at()).toEqual([false, false, false, false, false, false, false]);
    for (const l of [
      'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
      'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list',
      'sudo apt-get update -qq',
      'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io',
    ]) await s.run(l);
    expect(at()).toEqual([true, true, false, true, false, false, false]);
    await s.run('sudo usermod -aG docker learner');
    expect(at()).toEqual([true, true, false, true, true, false, false]);
    await s.run('newgrp docker');
    expect(at()).toEqual([true, true, false, true, true, true, false]);
    await s.run(`echo '{"registry-mirrors": ["https://mirror.gcr.io"]}' | sudo tee /etc/docker/daemon.json`);
    expect(at()[6]).toBe(false); // written, not yet read by the daemon
    await s.run('sudo systemctl restart docker');
    expect(at()).toEqual([true, true, false, true, true, true, true]);
    await s.run('sudo systemctl disable --now docker docker.socket');
    expect(at()).toEqual([true, false, true, false, true, true, false]);
  });
});
