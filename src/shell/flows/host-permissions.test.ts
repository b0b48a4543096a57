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

  it('a refused redirection fails that command only: the rest of the line runs, || sees status 1', async () => {
    const line = await bare();
    expect(await line('echo x > /root/f; echo next')).toEqual(['next\n', 'bash: /root/f: Permission denied\n', 0]);
    expect(await line('echo x >> /etc/hosts || echo failed')).toEqual(['failed\n', 'bash: /etc/hosts: Permission denied\n', 0]);
    expect(await line('sudo echo x > /etc/f; echo $?')).toEqual(['1\n', 'bash: /etc/f: Permission denied\n', 0]);
    expect(await line('cat < /root/f && echo no')).toEqual(['', 'bash: /root/f: Permission denied\n', 1]);
    // a redirection of stderr before the refused one hides bash's message, as in bash
    expect(await line('echo x 2>/dev/null > /etc/f; echo $?')).toEqual(['1\n', '', 0]);
    expect(await line('if true; then echo x > ~/ok && cat ~/ok; fi')).toEqual(['x\n', '', 0]);
  });

  it("reading or changing files it may not: each tool's own Permission denied, not No such file", async () => {
    const line = await bare();
    expect(await line('cat /root/.bashrc /etc/hostname')).toEqual(['dockerlings\n', 'cat: /root/.bashrc: Permission denied\n', 1]);
    expect(await line('head /root/.bashrc')).toEqual(['', "head: cannot open '/root/.bashrc' for reading: Permission denied\n", 1]);
    expect(await line('tail -n1 /root/.bashrc')).toEqual(['', "tail: cannot open '/root/.bashrc' for reading: Permission denied\n", 1]);
    expect(await line('grep x /root/.bashrc')).toEqual(['', 'grep: /root/.bashrc: Permission denied\n', 2]);
    expect(await line('stat /root/.bashrc')).toEqual(['', "stat: cannot statx '/root/.bashrc': Permission denied\n", 1]);
    expect(await line('echo y | tee /etc/f')).toEqual(['y\n', 'tee: /etc/f: Permission denied\n', 1]);
    expect(await line('sed p /root/f')).toEqual(['', "sed: can't read /root/f: Permission denied\n", 1]);
    expect(await line('sed -i s/a/b/ /etc/hostname')).toEqual(['', "sed: couldn't open temporary file /etc/sedQkX9iC: Permission denied\n", 1]);
    expect(await line('chmod 600 /etc/hostname')).toEqual(['', "chmod: changing permissions of '/etc/hostname': Operation not permitted\n", 1]);
    expect(await line('chmod 600 /root/f')).toEqual(['', "chmod: cannot access '/root/f': Permission denied\n", 1]);
    expect(await line('cp /etc/hostname /etc/h2')).toEqual(['', "cp: cannot create regular file '/etc/h2': Permission denied\n", 1]);
    // a file that is simply missing stays "No such file"
    expect(await line('cat /etc/nope')).toEqual(['', 'cat: /etc/nope: No such file or directory\n', 1]);
  });

  it('umask applies to new files and folders (mkdir -p parents too), not to files rewritten', async () => {
    const line = await bare();
    expect(await line('umask 077; touch /tmp/a; echo x > /tmp/b; mkdir -p /tmp/d/e; stat -c "%a %n" /tmp/a /tmp/b /tmp/d /tmp/d/e')).toEqual(['600 /tmp/a\n600 /tmp/b\n700 /tmp/d\n700 /tmp/d/e\n', '', 0]);
    expect(await line('umask 027; echo y >> ~/new; umask; stat -c %a ~/new')).toEqual(['0027\n640\n', '', 0]);
    expect(await line('chmod 644 /tmp/a; echo z > /tmp/a; stat -c %a /tmp/a')).toEqual(['644\n', '', 0]);
  });
});
