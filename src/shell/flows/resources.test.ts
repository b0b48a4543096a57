// Resource limits from the tutorial: cpu-shares split CPU 2:1 under contention; -m/--memory-swap and the OOM killer.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

describe('CPU shares and docker stats', () => {
  it('two CPU hogs on the one-CPU host split it 2:1 by their shares', async () => {
    const all = await steps(
      'docker run -d --name container_A --cpu-shares 1024 progrium/stress --cpu 1 >/dev/null 2>&1\ndocker run -d --name container_B --cpu-shares 512 progrium/stress --cpu 1 >/dev/null\ndocker stats --no-stream --format "{{.Name}} {{.CPUPerc}} {{.PIDs}}"\ndocker stop container_A >/dev/null\ndocker stats --no-stream --format "{{.Name}} {{.CPUPerc}}"',
    );
    expect(all[2].stdout).toBe('container_B 33.33% 2\ncontainer_A 66.67% 2\n');
    // alone, B may use the whole CPU: shares only matter under contention
    expect(all[4].stdout).toBe('container_B 100.00%\n');
  });

  it('--cpus caps a container even without contention; stats prints the default table', async () => {
    const all = await steps('docker run -d --name half --cpus 0.5 progrium/stress --cpu 2 >/dev/null 2>&1\ndocker stats --no-stream');
    expect(normalizeIds(all[1].stdout)).toBe(
      'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O     BLOCK I/O   PIDS\n<id12>   half      50.00%    716.8KiB / 1.952GiB   0.04%     866B / 0B   0B / 0B     3\n',
    );
  });

  it('docker top lists the host view of the container processes (minwidth 20 columns)', async () => {
    const [, top] = await steps('docker run -d --name web nginx >/dev/null 2>&1\ndocker top web');
    expect(top.stdout.split('\n')[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top.stdout).toContain('nginx: master process nginx -g daemon off;\n');
    expect(top.stdout).toMatch(/\nsystemd\+ +\d+ +\d+ +0 +09:00 +\? +00:00:00 +nginx: worker process\n$/);
  });
});

describe('memory limits', () => {
  it('-m 200M --memory-swap=300M: 280M fits (RAM + swap), 310M is OOM-killed', async () => {
    const all = await steps(
      "docker pull -q progrium/stress\ndocker run -d --name ok -m 200M --memory-swap=300M progrium/stress --vm 1 --vm-bytes 280M >/dev/null\ndocker run --name boom -m 200M --memory-swap=300M progrium/stress --vm 1 --vm-bytes 310M\ndocker inspect -f '{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}}' ok boom\ndocker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' boom",
    );
    expect(all[2].output).toBe(
      [
        'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd',
        'stress: dbug: [1] using backoff sleep of 3000us',
        'stress: dbug: [1] --> hogvm worker 1 [6] forked',
        'stress: dbug: [6] allocating 325058560 bytes ...',
        'stress: dbug: [6] touching bytes in strides of 4096 bytes ...',
        'stress: FAIL: [1] (416) <-- worker 6 got signal 9',
        'stress: WARN: [1] (418) now reaping child worker processes',
        'stress: FAIL: [1] (422) kill error: No such process',
        'stress: FAIL: [1] (452) failed run completed in 1s',
        '',
      ].join('\n'),
    );
    expect(all[2].exitCode).toBe(1);
    expect(all[3].stdout).toBe('running false 0\nexited true 1\n');
    expect(all[4].stdout).toBe('209715200 314572800\n');
  });

  it('-m alone doubles into MemorySwap; limits below 6MB are refused', async () => {
    const all = await steps("docker create --name c1 -m 200M centos:7 >/dev/null 2>&1\ndocker inspect -f '{{.HostConfig.MemorySwap}}' c1\ndocker create -m 4M centos:7");
    expect(all[1].stdout).toBe('419430400\n');
    expect(all[2].output).toBe('Error response from daemon: Minimum memory limit allowed is 6MB\n');
  });
});

describe('cgroup files inside the container', () => {
  it('show the limits runc wrote, read-only', async () => {
    const all = await steps(
      'docker run -it --name box -m 200M --memory-swap=300M --cpu-shares 512 --cpus 0.5 ubuntu bash\ncat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.swap.max /sys/fs/cgroup/cpu.weight /sys/fs/cgroup/cpu.max /proc/1/cgroup\necho 1 > /sys/fs/cgroup/memory.max\nexit',
    );
    expect(all[1].stdout).toBe('209715200\n104857600\n20\n50000 100000\n0::/\n');
    expect(all[2].stderr).toBe('bash: /sys/fs/cgroup/memory.max: Read-only file system\n');
  });

  it('defaults: no limits, weight 100 (1024 shares)', async () => {
    const [, cat] = await steps("docker run -d --name sl busybox sleep 100 >/dev/null 2>&1\ndocker exec sl cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.weight /sys/fs/cgroup/pids.max");
    expect(cat.stdout).toBe('max\n100\nmax\n');
  });
});
