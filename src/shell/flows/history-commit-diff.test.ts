// docker history, docker diff and docker commit end to end (formats.md §6, storage.md §2–§3).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const CHANGES = "docker run --name c1 alpine sh -c 'touch /root/new.txt; rm /etc/motd; echo x >> /etc/profile; mkdir /data && touch /data/f'";

describe('docker history', () => {
  it('a pulled image: only the top row has an ID; -q, --no-trunc -H=false, --format', async () => {
    const s = await steps("docker pull -q alpine\ndocker history alpine\ndocker history -q alpine\ndocker history --no-trunc -H=false alpine\ndocker history --format '{{.ID}}|{{.CreatedBy}}|{{.Size}}' alpine\ndocker image history nope");
    expect(s[1].output).toBe(
      'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n' +
        '46f49d4da1c3   2 years ago   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0\n' +
        '<missing>      2 years ago   ADD alpine-minirootfs-3.20.3-x86_64.tar.gz /…   7.8MB     buildkit.dockerfile.v0\n',
    );
    expect(s[2].output).toBe('46f49d4da1c3\n<missing>\n');
    expect(s[3].output).toBe(
      'IMAGE                                                                     CREATED                CREATED BY                                                SIZE      COMMENT\n' +
        'sha256:46f49d4da1c3aa1590920fbe6717184478faa67c3b986dcdf039ff2b27e121f3   2024-09-06T12:05:36Z   CMD ["/bin/sh"]                                           0         buildkit.dockerfile.v0\n' +
        '<missing>                                                                 2024-09-06T12:05:36Z   ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit   7797760   buildkit.dockerfile.v0\n',
    );
    expect(s[4].output).toBe('46f49d4da1c3|CMD ["/bin/sh"]|0B\n<missing>|ADD alpine-minirootfs-3.20.3-x86_64.tar.gz /…|7.8MB\n');
    expect([s[5].exitCode, s[5].stderr]).toEqual([1, 'Error response from daemon: No such image: nope:latest\n']);
  });

  it('a BuildKit image: its own steps are <missing> rows with the buildkit comment', async () => {
    const s = await steps("docker pull -q busybox\nprintf 'FROM busybox\\nENV A=1\\nRUN echo hi > /hi\\nCMD [\"cat\", \"/hi\"]\\n' > Dockerfile\ndocker build -q -t b .\ndocker history b");
    const id = s[2].stdout.slice(7, 19);
    expect(s[3].output).toBe(
      'IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n' +
        `${id}   1 second ago   CMD ["cat" "/hi"]                               0B        buildkit.dockerfile.v0\n` +
        '<missing>      1 second ago   RUN /bin/sh -c echo hi > /hi # buildkit         3B        buildkit.dockerfile.v0\n' +
        '<missing>      1 second ago   ENV A=1                                         0B        buildkit.dockerfile.v0\n' +
        '<missing>      3 years ago    /bin/sh -c #(nop)  CMD ["sh"]                   0B        \n' +
        '<missing>      3 years ago    /bin/sh -c #(nop) ADD file:7e9002edaafd4e457…   4.26MB    \n',
    );
  });
});

describe('docker diff', () => {
  it('A/C/D lines in path order, parents before children (storage.md §2 examples)', async () => {
    const s = await steps(`docker pull -q alpine\n${CHANGES}\ndocker diff c1\ndocker container diff nope`);
    expect(s[2].output).toBe('A /data\nA /data/f\nC /etc\nD /etc/motd\nC /etc/profile\nC /root\nA /root/new.txt\n');
    expect([s[3].exitCode, s[3].stderr]).toEqual([1, 'Error response from daemon: No such container: nope\n']);
  });
});

describe('docker commit', () => {
  it('prints sha256:<id>, tags, applies --change, records author/comment and a history row', async () => {
    const s = await steps(
      `docker pull -q alpine\n${CHANGES}\ndocker commit -m "add files" -a "Jane <j@x>" -c 'CMD ["ls","/data"]' -c 'ENV MODE=prod' c1 snap\ndocker run --rm snap\n` +
        "docker image inspect snap --format '{{.Author}}|{{.Comment}}|{{.Config.Env}}|{{.Config.Cmd}}|{{.Parent}}'\ndocker history snap\ndocker images snap",
    );
    expect(s[2].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(s[3].output).toBe('f\n');
    expect(s[4].output).toBe('Jane <j@x>|add files|[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin MODE=prod]|[ls /data]|sha256:46f49d4da1c3aa1590920fbe6717184478faa67c3b986dcdf039ff2b27e121f3\n');
    const id = s[2].stdout.slice(7, 19);
    expect(s[5].output.split('\n').slice(0, 3)).toEqual([
      'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT',
      `${id}   3 seconds ago   sh -c touch /root/new.txt; rm /etc/motd; ech…   848B      add files`,
      '46f49d4da1c3   2 years ago     CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0',
    ]);
    expect(s[6].output.split("\n")[1]).toBe(`snap         latest    ${id}   4 seconds ago   7.8MB`);
  });

  it('errors: unknown container, invalid change commands', async () => {
    const s = await steps(`docker pull -q alpine\n${CHANGES}\ndocker commit nope\ndocker commit -c 'RUN x' c1\ndocker commit`);
    expect(s.slice(2).map((x) => [x.exitCode, x.stderr])).toEqual([
      [1, 'Error response from daemon: No such container: nope\n'],
      [1, 'Error response from daemon: RUN is not a valid change command\n'],
      [1, '"docker commit" requires at least 1 and at most 2 arguments.\nSee \'docker commit --help\'.\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container\'s changes\n'],
    ]);
  });
});
