// A host that starts without Docker (a lesson's `host: bare`): the seed's Ubuntu install steps, as apt, sudo and systemd print them.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../session';

const KEY = 'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg';
const LIST = 'echo "deb [arch=$(dpkg --print-architecture) signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu $(lsb_release -cs) stable" | sudo tee /etc/apt/sources.list.d/docker.list > /dev/null';

async function bare(): Promise<Session & { line: (l: string) => Promise<[string, string, number]> }> {
  const s = createSession({ headless: true });
  await s.run('dockerlings-host bare');
  return Object.assign(s, { line: async (l: string) => {
    const r = await s.run(l);
    return [r.stdout, r.stderr, r.exitCode] as [string, string, number];
  } });
}

describe('before Docker is installed', () => {
  it('the learner is a sudoer without docker: command not found, no docker.service', async () => {
    const s = await bare();
    expect(s.prompt()).toBe('learner@dockerlings:~$ ');
    expect(await s.line('pwd; whoami; id; groups')).toEqual(['/home/learner\nlearner\nuid=1000(learner) gid=1000(learner) groups=1000(learner),4(adm),27(sudo)\nlearner adm sudo\n', '', 0]);
    expect(await s.line('docker ps')).toEqual(['', 'bash: docker: command not found\n', 127]);
    expect(await s.line('which docker')).toEqual(['', '', 1]);
    expect(await s.line('sudo docker ps')).toEqual(['', 'sudo: docker: command not found\n', 1]);
    expect(await s.line('systemctl status docker')).toEqual(['', 'Unit docker.service could not be found.\n', 4]);
    expect(await s.line('sudo systemctl start docker')).toEqual(['', 'Failed to start docker.service: Unit docker.service not found.\n', 5]);
    expect(await s.line('lsb_release -cs')).toEqual(['noble\n', '', 0]);
    expect(await s.line('lsb_release -a')).toEqual(['Distributor ID:\tUbuntu\nDescription:\tUbuntu 24.04.1 LTS\nRelease:\t24.04\nCodename:\tnoble\n', 'No LSB modules are available.\n', 0]);
    expect(await s.line('sudo whoami; sudo id -u')).toEqual(['root\n0\n', '', 0]);
    expect(s.engine.state.host).toMatchObject({ user: 'learner', packages: [], units: {}, dockerGroup: null, shellGroups: ['learner', 'adm', 'sudo'] });
  });

  it('apt needs root, and Ubuntu’s archive has no docker-ce', async () => {
    const s = await bare();
    expect(await s.line('apt-get update')).toEqual(['', 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n', 100]);
    expect((await s.line('sudo apt-get update'))[0].split('\n').slice(0, 5)).toEqual([
      'Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]',
      'Get:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]',
      'Get:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]',
      'Get:4 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]',
      'Get:5 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]',
    ]);
    expect(await s.line('sudo apt-get install -y ca-certificates curl gnupg lsb-release')).toEqual([
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nca-certificates is already the newest version (20240203).\ncurl is already the newest version (8.5.0-2ubuntu10.6).\ngnupg is already the newest version (2.4.4-2ubuntu17).\nlsb-release is already the newest version (12.0-2).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
      '',
      0,
    ]);
    expect(await s.line('sudo apt-get install -y docker-ce docker-ce-cli containerd.io')).toEqual([
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n',
      'E: Unable to locate package docker-ce\nE: Unable to locate package docker-ce-cli\nE: Unable to locate package containerd.io\n',
      100,
    ]);
  });

  it("Docker's repository without its key: apt refuses it (NO_PUBKEY); with the key its index is fetched", async () => {
    const s = await bare();
    await s.line('sudo apt-get update -qq');
    expect(await s.line(LIST)).toEqual(['', '', 0]);
    expect(await s.line('cat /etc/apt/sources.list.d/docker.list')).toEqual(['deb [arch=amd64 signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable\n', '', 0]);
    const hits = 'Hit:2 http://archive.ubuntu.com/ubuntu noble InRelease\nHit:3 http://archive.ubuntu.com/ubuntu noble-updates InRelease\nHit:4 http://archive.ubuntu.com/ubuntu noble-backports InRelease\nHit:5 http://security.ubuntu.com/ubuntu noble-security InRelease\n';
    const noKey = "The following signatures couldn't be verified because the public key is not available: NO_PUBKEY 8D81803C0EBFCD88";
    expect(await s.line('sudo apt-get update')).toEqual([
      `Get:1 https://download.docker.com/linux/ubuntu noble InRelease [48.8 kB]\nErr:1 https://download.docker.com/linux/ubuntu noble InRelease\n  ${noKey}\n${hits}Fetched 48.8 kB in 1s (48.8 kB/s)\nReading package lists... Done\n`,
      `W: GPG error: https://download.docker.com/linux/ubuntu noble InRelease: ${noKey}\nE: The repository 'https://download.docker.com/linux/ubuntu noble InRelease' is not signed.\nN: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n`,
      100,
    ]);
    expect(await s.line(KEY)).toEqual(['', '', 0]);
    expect(await s.line('sudo apt-get update')).toEqual([
      `Get:1 https://download.docker.com/linux/ubuntu noble InRelease [48.8 kB]\n${hits}Get:6 https://download.docker.com/linux/ubuntu noble/stable amd64 Packages [15.3 kB]\nFetched 64.1 kB in 1s (64.1 kB/s)\nReading package lists... Done\n`,
      '',
      0,
    ]);
  });

  it('installing docker-ce: the dependency list, the units enabled and started, the docker group created', async () => {
    const s = await bare();
    for (const l of [KEY, LIST, 'sudo apt-get update -qq']) await s.line(l);
    const [out, err, code] = await s.line('sudo apt-get install -y docker-ce docker-ce-cli containerd.io');
    expect([err, code]).toEqual(['', 0]);
    const lines = out.split('\n');
    expect(lines.slice(0, 14).join('\n')).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nThe following additional packages will be installed:\n  docker-buildx-plugin docker-ce-rootless-extras docker-compose-plugin libltdl7\n  libslirp0 pigz slirp4netns\nThe following NEW packages will be installed:\n  containerd.io docker-buildx-plugin docker-ce docker-ce-cli\n  docker-ce-rootless-extras docker-compose-plugin libltdl7 libslirp0 pigz\n  slirp4netns\n0 upgraded, 10 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 125 MB of archives.\nAfter this operation, 479 MB of additional disk space will be used.\nGet:1 https://download.docker.com/linux/ubuntu noble/stable amd64 containerd.io amd64 1.7.25-1 [29.6 MB]',
    );
    expect(lines).toContain('Get:5 http://archive.ubuntu.com/ubuntu noble/main amd64 libslirp0 amd64 4.7.0-1ubuntu3 [63.8 kB]');
    expect(lines.slice(-15).join('\n')).toBe(
      'Setting up containerd.io (1.7.25-1) ...\nCreated symlink /etc/systemd/system/multi-user.target.wants/containerd.service → /usr/lib/systemd/system/containerd.service.\nSetting up docker-buildx-plugin (0.20.0-1~ubuntu.24.04~noble) ...\nSetting up docker-compose-plugin (2.32.4-1~ubuntu.24.04~noble) ...\nSetting up docker-ce-cli (5:27.5.1-1~ubuntu.24.04~noble) ...\nSetting up libslirp0:amd64 (4.7.0-1ubuntu3) ...\nSetting up slirp4netns (1.2.1-1build2) ...\nSetting up docker-ce-rootless-extras (5:27.5.1-1~ubuntu.24.04~noble) ...\nSetting up libltdl7:amd64 (2.4.7-7build1) ...\nSetting up pigz (2.8-1) ...\nSetting up docker-ce (5:27.5.1-1~ubuntu.24.04~noble) ...\nCreated symlink /etc/systemd/system/multi-user.target.wants/docker.service → /usr/lib/systemd/system/docker.service.\nCreated symlink /etc/systemd/system/sockets.target.wants/docker.socket → /usr/lib/systemd/system/docker.socket.\nProcessing triggers for libc-bin (2.39-0ubuntu8.3) ...\n',
    );
    expect(await s.line('systemctl is-active docker containerd docker.socket; systemctl is-enabled docker')).toEqual(['active\nactive\nactive\nenabled\n', '', 0]);
    expect(await s.line('sudo groupadd docker')).toEqual(['', "groupadd: group 'docker' already exists\n", 9]);
    expect(await s.line('getent group docker')).toEqual(['docker:x:988:\n', '', 0]);
    expect(await s.line('docker --version')).toEqual(['Docker version 27.5.1, build 9f9e405\n', '', 0]);
    expect(await s.line('which docker dockerd containerd')).toEqual(['/usr/bin/docker\n/usr/bin/dockerd\n/usr/bin/containerd\n', '', 0]);
    expect(await s.line('dpkg -l docker-ce')).toEqual([
      'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ Name            Version                       Architecture Description\n+++-===============-=============================-============-========================================\nii  docker-ce       5:27.5.1-1~ubuntu.24.04~noble amd64        docker-ce\n',
      '',
      0,
    ]);
    expect(s.engine.state.host?.units['docker.service']).toMatchObject({ enabled: true, active: 'active' });
    expect(s.engine.state.host?.dockerGroup).toEqual({ gid: 988, members: [] });
  });

  it('systemctl status docker after the install, in systemd 255’s layout, with the journal', async () => {
    const s = await bare();
    for (const l of [KEY, LIST, 'sudo apt-get update -qq', 'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io']) await s.line(l);
    const [out, , code] = await s.line('systemctl status docker');
    expect(code).toBe(0);
    expect(out.replace(/T[\d:.]+Z/g, "T<time>Z").replace(/\d\d:\d\d:\d\d/g, "HH:MM:SS")).toBe(
      '● docker.service - Docker Application Container Engine\n     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)\n     Active: active (running) since Mon 2026-11-23 HH:MM:SS UTC; 1s ago\nTriggeredBy: ● docker.socket\n       Docs: https://docs.docker.com\n   Main PID: 2001 (dockerd)\n      Tasks: 8\n     Memory: 24.6M (peak: 25.3M)\n        CPU: 318ms\n     CGroup: /system.slice/docker.service\n             └─2001 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n\n' +
        'Nov 23 HH:MM:SS dockerlings systemd[1]: Starting docker.service - Docker Application Container Engine...\n' +
        ['"Starting up"', '"Loading containers: start."', '"Loading containers: done."', '"Docker daemon" commit=4c9b3b0 containerd-snapshotter=false storage-driver=overlay2 version=27.5.1', '"Daemon has completed initialization"', '"API listen on /run/docker.sock"'].map((m) => `Nov 23 HH:MM:SS dockerlings dockerd[2001]: time="2026-11-23T<time>Z" level=info msg=${m}\n`).join('') +
        'Nov 23 HH:MM:SS dockerlings systemd[1]: Started docker.service - Docker Application Container Engine.\n',
    );
    expect(await s.line('systemctl start docker')).toEqual(['', "Failed to start docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n", 4]);
    expect(await s.line('sudo systemctl disable docker')).toEqual(['', 'Synchronizing state of docker.service with SysV service script with /usr/lib/systemd/systemd-sysv-install.\nExecuting: /usr/lib/systemd/systemd-sysv-install disable docker\nRemoved "/etc/systemd/system/multi-user.target.wants/docker.service".\n', 0]);
    expect(s.engine.state.host?.units['docker.service'].enabled).toBe(false);
    expect(await s.line('sudo systemctl enable --now docker')).toEqual(['', 'Created symlink /etc/systemd/system/multi-user.target.wants/docker.service → /usr/lib/systemd/system/docker.service.\n', 0]);
  });

  it('apt-get remove docker-ce docker-ce-cli stops the daemon and takes the command away', async () => {
    const s = await bare();
    for (const l of [KEY, LIST, 'sudo apt-get update -qq', 'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io']) await s.line(l);
    const [out, , code] = await s.line('sudo apt-get remove -y docker-ce docker-ce-cli');
    expect([out.split('\n').slice(3, 7), code]).toEqual([['The following packages will be REMOVED:', '  docker-ce docker-ce-cli', '0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded.', 'After this operation, 147 MB disk space will be freed.'], 0]);
    expect(await s.line('systemctl is-active containerd; systemctl status docker')).toEqual(['active\n', 'Unit docker.service could not be found.\n', 4]);
    expect(await s.line('sudo docker ps')).toEqual(['', 'sudo: docker: command not found\n', 1]);
  });

  it('the get.docker.com script installs the same packages', async () => {
    const s = await bare();
    expect(await s.line('curl -fsSL https://get.docker.com -o get-docker.sh')).toEqual(['', '', 0]);
    const [out, err, code] = await s.line('sudo sh get-docker.sh');
    expect([err, code]).toEqual(['', 0]);
    expect(out.split('\n').slice(0, 3)).toEqual(['# Executing docker install script, commit: 4c94a56999e10efcf48c5b8e3f6afea464f9108e', "+ sh -c 'apt-get -qq update >/dev/null'", "+ sh -c 'DEBIAN_FRONTEND=noninteractive apt-get -y -qq install ca-certificates curl >/dev/null'"]);
    expect(s.engine.state.host?.packages).toEqual(expect.arrayContaining(['docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin']));
    expect(await s.line('sudo docker run --rm hello-world | head -2')).toEqual(['\nHello from Docker!\n', expect.stringContaining("Unable to find image 'hello-world:latest' locally\n"), 0]);
  });
});
