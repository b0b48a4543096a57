// On a bare host the login user without sudo may not write system folders nor look inside /var/lib/docker, in bash's and the tools' words.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

async function bare() {
  const s = createSession({ headless: true });
  await s.run('dockerlings-host bare');
  return async (l: string) => {
    const r = await s.run(l);
    return [r.stdout, r.stderr, r.exitCode];
  };
}

describe('learner without sudo', () => {
  it('a redirection into /etc is bash: PATH: Permission denied (exit 1); with sudo tee it is written', async () => {
    const line = await bare();
    expect(await line('echo x > /etc/x')).toEqual(['', 'bash: /etc/x: Permission denied\n', 1]);
    expect(await line('echo "1.2.3.4 db" >> /etc/hosts')).toEqual(['', 'bash: /etc/hosts: Permission denied\n', 1]);
    expect(await line('echo $?; cat /etc/x')).toEqual(['1\n', 'cat: /etc/x: No such file or directory\n', 1]);
    expect(await line('echo x | sudo tee /etc/x; cat /etc/x')).toEqual(['x\nx\n', '', 0]);
  });

  it("tools' own errors under /etc and /var/lib/docker", async () => {
    const line = await bare();
    expect(await line('mkdir /etc/z')).toEqual(['', "mkdir: cannot create directory '/etc/z': Permission denied\n", 1]);
    expect(await line('touch /etc/y')).toEqual(['', "touch: cannot touch '/etc/y': Permission denied\n", 1]);
    expect(await line('touch /etc/hostname')).toEqual(['', "touch: cannot touch '/etc/hostname': Permission denied\n", 1]);
    expect(await line('rm /etc/hostname')).toEqual(['', "rm: cannot remove '/etc/hostname': Permission denied\n", 1]);
    expect(await line('mkdir -p /var/lib/docker/x')).toEqual(['', "mkdir: cannot create directory '/var/lib/docker/x': Permission denied\n", 1]);
    expect(await line('cat /etc/hostname')).toEqual(['dockerlings\n', '', 0]);
  });

  it('the home folder, /tmp and /dev/null stay writable', async () => {
    const line = await bare();
    expect(await line('echo hi > ~/ok; cat ~/ok; echo x > /tmp/a; cat /tmp/a; echo y > /dev/null; touch ~/t; echo done')).toEqual(['hi\nx\ndone\n', '', 0]);
  });

  it('after the install /var/lib/docker is root’s: reading it needs sudo', async () => {
    const line = await bare();
    for (const l of [
      'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
      'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list > /dev/null',
      'sudo apt-get update -qq',
      'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io',
    ]) await line(l);
    expect(await line('ls /var/lib/docker')).toEqual(['', "ls: cannot open directory '/var/lib/docker': Permission denied\n", 2]);
    expect(await line('ls /var/lib/docker/volumes')).toEqual(['', "ls: cannot access '/var/lib/docker/volumes': Permission denied\n", 2]);
    expect(await line('touch /var/lib/docker/x')).toEqual(['', "touch: cannot touch '/var/lib/docker/x': Permission denied\n", 1]);
    expect(await line('echo {} > /etc/docker/daemon.json')).toEqual(['', 'bash: /etc/docker/daemon.json: Permission denied\n', 1]);
    expect(await line('sudo ls -1 /var/lib/docker')).toEqual(['buildkit\ncontainers\nengine-id\nimage\nnetwork\noverlay2\nplugins\nruntimes\nswarm\ntmp\nvolumes\n', '', 0]);
    expect(await line('sudo mkdir /var/lib/docker/x && sudo ls -d /var/lib/docker/x')).toEqual(['/var/lib/docker/x\n', '', 0]);
  });
});
