// Records every transcript against a real Docker Engine in its own namespaces (needs root): `npm run conformance:record [NAME…]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIR, RECORDINGS, readTranscript, transcriptNames, type RecordedStep, type Recording } from './transcript.ts';

const CLIENT = '/usr/local/bin/docker';
const DAEMON = join(DIR, 'daemon.sh');

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string, timeout = 60_000) {
  const r = spawnSync(cmd, args, { env, cwd, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: r.status ?? (r.signal ? 128 + 9 : 1) };
}

function must(cmd: string, args: string[], env?: NodeJS.ProcessEnv, cwd?: string) {
  const r = sh(cmd, args, env, cwd, 300_000);
  if (r.exitCode !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
  return r.stdout;
}

// The simulator's busybox:latest rootfs, rebuilt from Debian's static busybox: same top-level dirs and account files.
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
const GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n';

function busyboxContext(dir: string): string {
  const root = join(dir, 'rootfs');
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'sys', 'tmp', 'usr/sbin', 'var/spool/mail', 'var/www']) mkdirSync(join(root, d), { recursive: true });
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  for (const a of must('/bin/busybox', ['--list']).split('\n').filter((a) => a && a !== 'busybox')) symlinkSync('busybox', join(root, 'bin', a));
  symlinkSync('lib', join(root, 'lib64'));
  writeFileSync(join(root, 'etc/passwd'), PASSWD);
  writeFileSync(join(root, 'etc/group'), GROUP);
  writeFileSync(join(root, 'etc/nsswitch.conf'), 'hosts:\t\tfiles dns\nnetworks:\tfiles\n');
  must('tar', ['-C', root, '--owner=0', '--group=0', '-cf', join(dir, 'rootfs.tar'), '.']);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nADD rootfs.tar /\nCMD ["sh"]\n');
  return dir;
}

interface Daemon { dir: string; env: NodeJS.ProcessEnv; pid: string }

function startDaemon(dir: string): Daemon {
  must(DAEMON, ['start', dir]);
  const pid = readFileSync(join(dir, 'dockerd.pid'), 'utf8').trim();
  const cfg = join(dir, 'client');
  mkdirSync(cfg, { recursive: true });
  const env = { PATH: '/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: cfg, DOCKER_CONFIG: cfg, DOCKER_HOST: `unix://${dir}/docker.sock`, LANG: 'C' };
  return { dir, env, pid };
}

function stopDaemon(d: Daemon) {
  const ids = sh(CLIENT, ['ps', '-aq'], d.env).stdout.split('\n').filter(Boolean);
  if (ids.length) sh(CLIENT, ['rm', '-f', ...ids], d.env);
  must(DAEMON, ['stop', d.dir]);
}

function main() {
  if (process.getuid?.() !== 0) throw new Error('conformance:record needs root (it starts dockerd in its own namespaces)');
  const names = process.argv.slice(2).length ? process.argv.slice(2) : transcriptNames();
  const base = mkdtempSync(join(tmpdir(), 'dockerlings-conformance-'));
  // busybox:latest once, saved so that every transcript's fresh daemon loads the very same image
  const first = startDaemon(join(base, 'build'));
  let client = '';
  let engine = '';
  try {
    must(CLIENT, ['build', '-q', '-t', 'busybox:latest', busyboxContext(join(base, 'ctx'))], { ...first.env, DOCKER_BUILDKIT: '0' });
    must(CLIENT, ['save', '-o', join(base, 'busybox.tar'), 'busybox:latest'], first.env);
    client = must(CLIENT, ['version', '-f', '{{.Client.Version}}'], first.env).trim();
    engine = must(CLIENT, ['version', '-f', '{{.Server.Version}}'], first.env).trim();
  } finally {
    stopDaemon(first);
  }
  for (const name of names) {
    const lines = readTranscript(name);
    const d = startDaemon(join(base, name));
    const work = join(d.dir, 'work');
    mkdirSync(work);
    const steps: RecordedStep[] = [];
    try {
      must(CLIENT, ['load', '-q', '-i', join(base, 'busybox.tar')], d.env);
      let prev = 0;
      for (const line of lines) {
        // inside the daemon's network namespace, so iptables/ip see its bridges and rules; `$?` carries over
        const r = sh('nsenter', ['-t', d.pid, '-n', 'bash', '-c', prev ? `(exit ${prev})\n${line}` : line], d.env, work);
        prev = r.exitCode;
        // the simulator's shell starts in /root: the recorder's scratch directory is written as that, and the
        // daemon's own data root as the default one (/var/lib/docker: volume mountpoints, log paths)
        const here = (t: string) => t.split(work).join('/root').split(join(d.dir, 'data')).join('/var/lib/docker');
        steps.push({ line, stdout: here(r.stdout), stderr: here(r.stderr), exitCode: r.exitCode });
        process.stdout.write(`${name}: ${r.exitCode} ${line}\n`);
      }
    } finally {
      stopDaemon(d);
    }
    const rec: Recording = { transcript: name, client, engine, steps };
    writeFileSync(join(RECORDINGS, `${name}.json`), JSON.stringify(rec, null, 1) + '\n');
    rmSync(d.dir, { recursive: true, force: true });
  }
  rmSync(base, { recursive: true, force: true });
}

main();
