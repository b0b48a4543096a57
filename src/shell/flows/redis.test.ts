// redis as learners use it: redis-cli through docker exec, `docker run redis redis-cli`, and persistence in the /data volume.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('redis', () => {
  it('docker run redis redis-cli runs the client: nothing listens in its own container', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q redis');
    const r = await s.run('docker run --rm redis redis-cli ping');
    expect(r.stderr).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    expect(r.exitCode).toBe(1);
    expect((await s.run('docker run --rm redis redis-cli --version')).stdout).toBe('redis-cli 7.4.1\n');
  });

  it('redis-cli through docker exec: strings, counters, keys, lists, hashes; -it prints the human format', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q redis');
    await s.run('docker run -d --name rd redis');
    const ex = async (cmd: string) => (await s.run(`docker exec rd redis-cli ${cmd}`)).stdout;
    expect(await ex('ping')).toBe('PONG\n');
    expect(await ex('SET greeting hello')).toBe('OK\n');
    expect(await ex('GET greeting')).toBe('hello\n');
    expect(await ex('INCR visits')).toBe('1\n');
    expect(await ex('INCR visits')).toBe('2\n');
    expect(await ex('KEYS "*"')).toBe('greeting\nvisits\n');
    expect(await ex('GET nothing')).toBe('\n');
    expect(await ex('RPUSH q a b c')).toBe('3\n');
    expect(await ex('LRANGE q 0 -1')).toBe('a\nb\nc\n');
    const tty = await s.run('docker exec -it rd redis-cli GET greeting');
    expect(tty.stdout.replace(/\r/g, '')).toBe('"hello"\n');
    expect((await s.run('docker exec -t rd redis-cli INCR visits')).stdout.replace(/\r/g, '')).toBe('(integer) 3\n');
    expect((await s.run('docker exec -t rd redis-cli GET nothing')).stdout.replace(/\r/g, '')).toBe('(nil)\n');
    expect((await s.run('docker exec -t rd redis-cli KEYS "gr*"')).stdout.replace(/\r/g, '')).toBe('1) "greeting"\n');
    const bad = await s.run('docker exec -t rd redis-cli INCR greeting');
    expect(bad.stdout.replace(/\r/g, '')).toBe('(error) ERR value is not an integer or out of range\n');
    expect(await ex('DEL greeting visits')).toBe('2\n');
    expect(await ex('EXISTS greeting')).toBe('0\n');
    const nope = await s.run('docker exec rd redis-cli FOO bar');
    expect(nope.stdout).toBe("ERR unknown command 'FOO', with args beginning with: 'bar' \n\n");
  });

  it('without a volume name: docker stop saves dump.rdb in the anonymous volume; docker kill does not', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q redis');
    await s.run('docker run -d --name rd -v rdata:/data redis');
    await s.run('docker exec rd redis-cli SET k v1');
    await s.run('docker stop rd');
    const logs = (await s.run('docker logs rd')).stdout;
    expect(logs).toMatch(/\* Saving the final RDB snapshot before exiting\.\n.*\* DB saved on disk\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/);
    await s.run('docker rm rd');
    await s.run('docker run -d --name r2 -v rdata:/data redis');
    expect((await s.run('docker exec r2 redis-cli GET k')).stdout).toBe('v1\n');
    expect((await s.run('docker logs r2')).stdout).toContain('* Done loading RDB, keys loaded: 1, keys expired: 0.\n');
    await s.run('docker exec r2 redis-cli SET k v2');
    await s.run('docker rm -f r2'); // SIGKILL: no save
    await s.run('docker run -d --name r3 -v rdata:/data redis');
    expect((await s.run('docker exec r3 redis-cli GET k')).stdout).toBe('v1\n');
  });

  it('redis-server --appendonly yes: every write is in the AOF, so even a killed server keeps it', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q redis');
    await s.run('docker run -d --name rd -v aof:/data redis redis-server --appendonly yes');
    expect((await s.run('docker logs rd')).stdout).toContain('* Creating AOF incr file appendonly.aof.1.incr.aof on server start\n');
    await s.run('docker exec rd redis-cli SET counter 10');
    await s.run('docker exec rd redis-cli INCR counter');
    expect((await s.run('docker exec rd ls /data/appendonlydir')).stdout).toBe('appendonly.aof.1.base.rdb\nappendonly.aof.1.incr.aof\nappendonly.aof.manifest\n');
    expect((await s.run('docker exec rd cat /data/appendonlydir/appendonly.aof.1.incr.aof')).stdout).toBe(
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$7\r\ncounter\r\n$2\r\n10\r\n*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n',
    );
    await s.run('docker rm -f rd');
    await s.run('docker run -d --name r2 -v aof:/data redis redis-server --appendonly yes');
    expect((await s.run('docker logs r2')).stdout).toContain('* DB loaded from append only file: 0.000 seconds\n');
    expect((await s.run('docker exec r2 redis-cli GET counter')).stdout).toBe('11\n');
    expect((await s.run('docker exec r2 redis-cli CONFIG GET appendonly')).stdout).toBe('appendonly\nyes\n');
  });

  it('another container reaches it by name on a user network', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q redis');
    await s.run('docker network create app');
    await s.run('docker run -d --name cache --network app redis');
    expect((await s.run('docker run --rm --network app redis redis-cli -h cache SET x 1')).stdout).toBe('OK\n');
    expect((await s.run('docker exec cache redis-cli GET x')).stdout).toBe('1\n');
    const r = await s.run('docker run --rm redis redis-cli -h cache ping');
    expect(r.stderr).toBe('Could not connect to Redis at cache:6379: Name or service not known\n');
  });
});
