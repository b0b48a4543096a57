// free, df, mount, uptime, nproc: a container sees the host's memory and disk through its overlay root.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => steps(lines.join('\n'));
const MEM_HEAD = '               total        used        free      shared  buff/cache   available\n';

describe('memory and disks', () => {
  it('Ubuntu has no procps (free, uptime) until it is installed; df shows the overlay root and docker\'s mounts', async () => {
    const s = await run(['docker pull -q ubuntu', "docker run --rm ubuntu sh -c 'free; uptime; df; df -h /'"]);
    expect(s[1].stderr).toBe('sh: 1: free: not found\nsh: 1: uptime: not found\n');
    expect(s[1].stdout).toBe(
      [
        'Filesystem     1K-blocks    Used Available Use% Mounted on',
        'overlay         31811408 9658319  22153089  31% /',
        'tmpfs              65536       0     65536   0% /dev',
        'shm                65536       0     65536   0% /dev/shm',
        '/dev/sda1       31811408 9658319  22153089  31% /etc/hosts',
        'tmpfs            1023480       0   1023480   0% /proc/acpi',
        'tmpfs            1023480       0   1023480   0% /proc/scsi',
        'tmpfs            1023480       0   1023480   0% /sys/firmware',
        'Filesystem      Size  Used Avail Use% Mounted on',
        'overlay          31G  9.3G   22G  31% /',
        '',
      ].join('\n'),
    );
  });

  it('free in a container reports the host\'s memory, whatever --memory says (procps 3.3.10 on CentOS 7, busybox on alpine)', async () => {
    const s = await run(['docker pull -q centos', 'docker pull -q alpine', 'docker run --rm -m 256m centos free', 'docker run --rm alpine sh -c "free; uptime"', 'free -h']);
    expect(s[2].stdout).toBe('              total        used        free      shared  buff/cache   available\nMem:        2046960      599544      303908        1212     1143508     1276076\nSwap:             0           0           0\n');
    expect(s[3].stdout).toBe(
      '              total        used        free      shared  buff/cache   available\nMem:        2046960      599800      303652        1212     1143508     1275820\nSwap:             0           0           0\n' +
        ' 09:00:04 up 47 min,  0 users,  load average: 0.00, 0.00, 0.00\n',
    );
    expect(s[4].stdout).toBe(MEM_HEAD + 'Mem:           2.0Gi       584Mi       298Mi       1.2Mi       1.1Gi       1.2Gi\nSwap:             0B          0B          0B\n');
  });

  it('busybox df -h and the host\'s own disk', async () => {
    const s = await run(['docker pull -q alpine', 'docker run --rm alpine df -h /', 'df -h /']);
    expect(s[1].stdout).toBe('Filesystem                Size      Used Available Use% Mounted on\noverlay                  30.3G      9.1G     21.2G  31% /\n');
    expect(s[2].stdout).toBe('Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        31G  9.2G   22G  31% /\n');
  });

  it('mount shows the overlay root with docker\'s layer directories', async () => {
    const s = await run(['docker pull -q ubuntu', 'docker run --rm ubuntu mount | head -3']);
    const [root, ...rest] = s[1].stdout.split('\n');
    expect(root).toMatch(/^overlay on \/ type overlay \(rw,relatime,lowerdir=\/var\/lib\/docker\/overlay2\/l\/[0-9A-Z]{26}:\/var\/lib\/docker\/overlay2\/l\/[0-9A-Z]{26},upperdir=\/var\/lib\/docker\/overlay2\/([0-9a-f]{64})\/diff,workdir=\/var\/lib\/docker\/overlay2\/\1\/work,nouserxattr\)$/);
    expect(rest).toEqual(['proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)', 'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)', '']);
  });

  it('top prints one frame (procps layout, busybox layout)', async () => {
    const s = await run(['docker pull -q alpine', 'docker pull -q ubuntu', 'docker run --rm alpine top', 'docker run -it ubuntu bash', 'apt-get update -qq; apt-get install -qq -y procps', 'top -bn1']);
    expect(s[2].stdout).toBe(
      'Mem: 603256K used, 1443704K free, 1212K shrd, 0K buff, 1143508K cached\nCPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n' +
        'Load average: 0.00 0.00 0.00 1/121 1\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    1     0 root     R     1612   0%   1   0% top\n',
    );
    expect(s[5].stdout).toBe(
      [
        'top - 09:00:10 up 47 min,  0 users,  load average: 0.00, 0.00, 0.00',
        'Tasks:   2 total,   1 running,   1 sleeping,   0 stopped,   0 zombie',
        '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
        'MiB Mem :   1999.0 total,    294.3 free,    588.0 used,   1116.7 buff/cache     ',
        'MiB Swap:      0.0 total,      0.0 free,      0.0 used.   1243.7 avail Mem ',
        '',
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
        '      1 root      20   0    4588   3840   3072 S   0.0   0.2   0:00.00 bash',
        '      7 root      20   0    8860   4992   3994 R   0.0   0.2   0:00.00 top',
        '',
      ].join('\n'),
    );
  });
});
