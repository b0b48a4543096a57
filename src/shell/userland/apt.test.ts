// apt-get / apt: empty lists until update, real install/remove transcripts, and the files they leave in the container layer.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => steps(lines.join('\n'));
const UBUNTU = ['docker pull -q ubuntu', 'docker run -it --name box ubuntu bash'];

describe('apt-get in an Ubuntu 24.04 container', () => {
  it('cannot locate packages before apt-get update; update fetches the noble indexes', async () => {
    const s = await run([...UBUNTU, 'apt-get install -y procps', 'apt-get update']);
    expect([s[2].stdout, s[2].stderr, s[2].exitCode]).toEqual([
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n',
      'E: Unable to locate package procps\n',
      100,
    ]);
    expect(s[3].stdout).toBe(
      [
        'Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]',
        'Get:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]',
        'Get:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]',
        'Get:4 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]',
        'Get:5 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]',
        'Get:6 http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]',
        'Get:7 http://archive.ubuntu.com/ubuntu noble/restricted amd64 Packages [117 kB]',
        'Get:8 http://archive.ubuntu.com/ubuntu noble/multiverse amd64 Packages [331 kB]',
        'Get:9 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 Packages [902 kB]',
        'Get:10 http://archive.ubuntu.com/ubuntu noble-updates/universe amd64 Packages [1263 kB]',
        'Get:11 http://archive.ubuntu.com/ubuntu noble-updates/restricted amd64 Packages [604 kB]',
        'Get:12 http://archive.ubuntu.com/ubuntu noble-updates/multiverse amd64 Packages [21.9 kB]',
        'Get:13 http://archive.ubuntu.com/ubuntu noble-backports/main amd64 Packages [15.3 kB]',
        'Get:14 http://archive.ubuntu.com/ubuntu noble-backports/universe amd64 Packages [15.3 kB]',
        'Get:15 http://archive.ubuntu.com/ubuntu noble-backports/restricted amd64 Packages [15.3 kB]',
        'Get:16 http://archive.ubuntu.com/ubuntu noble-backports/multiverse amd64 Packages [15.3 kB]',
        'Get:17 http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages [902 kB]',
        'Get:18 http://security.ubuntu.com/ubuntu noble-security/universe amd64 Packages [1263 kB]',
        'Get:19 http://security.ubuntu.com/ubuntu noble-security/restricted amd64 Packages [604 kB]',
        'Get:20 http://security.ubuntu.com/ubuntu noble-security/multiverse amd64 Packages [21.9 kB]',
        'Fetched 27.8 MB in 3s (9278 kB/s)',
        'Reading package lists... Done',
        '',
      ].join('\n'),
    );
  });

  it('installs with dependencies and recommends; the new ps then works', async () => {
    const s = await run([...UBUNTU, 'apt-get update > /dev/null', 'apt-get install -y procps', 'ps']);
    expect(s[3].stdout).toBe(
      [
        'Reading package lists... Done',
        'Building dependency tree... Done',
        'Reading state information... Done',
        'The following additional packages will be installed:',
        '  libproc2-0 psmisc',
        'The following NEW packages will be installed:',
        '  libproc2-0 procps psmisc',
        '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.',
        'Need to get 945 kB of archives.',
        'After this operation, 3095 kB of additional disk space will be used.',
        'Get:1 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 libproc2-0 amd64 2:4.0.4-4ubuntu3.2 [59.5 kB]',
        'Get:2 http://archive.ubuntu.com/ubuntu noble/main amd64 psmisc amd64 23.7-1build1 [179 kB]',
        'Get:3 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 procps amd64 2:4.0.4-4ubuntu3.2 [706 kB]',
        'Fetched 945 kB in 1s (945 kB/s)',
        'Selecting previously unselected package libproc2-0:amd64.',
        '(Reading database ... 4381 files and directories currently installed.)',
        'Preparing to unpack .../0-libproc2-0_2%3a4.0.4-4ubuntu3.2_amd64.deb ...',
        'Unpacking libproc2-0:amd64 (2:4.0.4-4ubuntu3.2) ...',
        'Selecting previously unselected package psmisc.',
        'Preparing to unpack .../1-psmisc_23.7-1build1_amd64.deb ...',
        'Unpacking psmisc (23.7-1build1) ...',
        'Selecting previously unselected package procps.',
        'Preparing to unpack .../2-procps_2%3a4.0.4-4ubuntu3.2_amd64.deb ...',
        'Unpacking procps (2:4.0.4-4ubuntu3.2) ...',
        'Setting up libproc2-0:amd64 (2:4.0.4-4ubuntu3.2) ...',
        'Setting up psmisc (23.7-1build1) ...',
        'Setting up procps (2:4.0.4-4ubuntu3.2) ...',
        'Processing triggers for libc-bin (2.39-0ubuntu8.3) ...',
        '',
      ].join('\n'),
    );
    expect(s[4].stdout).toBe('    PID TTY          TIME CMD\n      1 pts/0    00:00:00 bash\n      7 pts/0    00:00:00 ps\n');
  });

  it('the installed files are the container\'s changes (docker diff) and survive docker commit', async () => {
    const s = await run([
      ...UBUNTU, 'apt-get update > /dev/null', 'apt-get install -y nano > /dev/null', 'exit',
      'docker diff box | grep -v /var/lib/apt/lists/', 'docker commit box withnano > /dev/null', 'docker run --rm withnano ls -l /usr/bin/nano',
    ]);
    expect(s[5].stdout).toBe(
      [
        'C /usr', 'C /usr/bin', 'A /usr/bin/nano', 'A /usr/bin/pico', 'C /var', 'C /var/lib', 'C /var/lib/apt', 'C /var/lib/apt/lists',
        'C /var/lib/dpkg', 'C /var/lib/dpkg/info', 'A /var/lib/dpkg/info/nano.list', 'A /var/lib/dpkg/lock', 'A /var/lib/dpkg/lock-frontend',
        'C /var/lib/dpkg/status', 'C /var/log', 'C /var/log/apt', 'A /var/log/apt/history.log', 'A /var/log/dpkg.log', '',
      ].join('\n'),
    );
    expect(s[7].stdout).toBe('-rwxr-xr-x 1 root root 292736 Nov 23 09:00 /usr/bin/nano\n');
  });

  it('asks before pulling in more packages (no -y and no answer: Abort), knows what is installed, removes', async () => {
    const s = await run([...UBUNTU, 'apt-get update > /dev/null', 'apt-get install wget', 'echo y | apt-get install wget | tail -1', 'apt-get install -y wget', 'apt-get remove -y wget', 'wget']);
    expect(s[3].stdout).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n' +
        'The following additional packages will be installed:\n  ca-certificates libpsl5t64 openssl publicsuffix\n' +
        'The following NEW packages will be installed:\n  ca-certificates libpsl5t64 openssl publicsuffix wget\n' +
        '0 upgraded, 5 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 1682 kB of archives.\nAfter this operation, 4168 kB of additional disk space will be used.\n' +
        'Do you want to continue? [Y/n] Abort.\n',
    );
    expect(s[3].exitCode).toBe(1);
    expect(s[4].stdout).toBe('done.\n'); // the answer came through the pipe: installed, ca-certificates hooks ran last
    expect(s[5].stdout).toBe('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nwget is already the newest version (1.21.4-1ubuntu4.1).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(s[6].stdout).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nThe following packages will be REMOVED:\n  wget\n' +
        '0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\nAfter this operation, 982 kB disk space will be freed.\n' +
        '(Reading database ... 4381 files and directories currently installed.)\nRemoving wget (1.21.4-1ubuntu4.1) ...\n',
    );
    expect(s[7].stderr).toBe('bash: wget: command not found\n');
  });

  it('python is not a package on noble; unknown operations and non-root users fail like apt', async () => {
    const s = await run(['docker pull -q ubuntu', 'docker run --rm ubuntu sh -c "apt-get update -qq && apt-get install -y python"', 'docker run --rm ubuntu apt-get frobnicate', 'docker run --rm -u nobody ubuntu apt-get install -y curl', 'docker run --rm --read-only ubuntu apt-get update']);
    expect(s[1].stdout).toBe(
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\nPackage python is not available, but is referred to by another package.\n' +
        'This may mean that the package is missing, has been obsoleted, or\nis only available from another source\nHowever the following packages replace it:\n  python-is-python3 2to3\n\n',
    );
    expect(s[1].stderr).toBe("E: Package 'python' has no installation candidate\n");
    expect([s[2].stderr, s[2].exitCode]).toEqual(['E: Invalid operation frobnicate\n', 100]);
    expect(s[3].stderr).toBe('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    expect(s[4].stderr).toBe('E: Could not open lock file /var/lib/apt/lists/lock - open (30: Read-only file system)\nE: Unable to lock directory /var/lib/apt/lists/\n');
  });
});

describe('apt on Debian-based images and the apt front end', () => {
  it('nginx (bookworm) fetches from deb.debian.org; `apt` warns scripts; curl is already in the image', async () => {
    const s = await run(['docker pull -q nginx', 'docker run --rm nginx sh -c "apt update; apt install -y curl"']);
    expect(s[1].stdout).toBe(
      [
        'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
        'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
        'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
        'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]',
        'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]',
        'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [241 kB]',
        'Fetched 9301 kB in 1s (9301 kB/s)',
        'Reading package lists...',
        'Reading package lists...',
        'Building dependency tree...',
        'Reading state information...',
        'curl is already the newest version (7.88.1-10+deb12u8).',
        '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.',
        '',
      ].join('\n'),
    );
    const warning = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';
    expect(s[1].stderr).toBe(warning + warning);
  });
});
