// The client's entry: usage errors, unknown commands, --help pages and version, word for word (CLI v27).
import { describe, expect, it } from 'vitest';
import { cli } from './testing';

describe('docker client errors (errors.md §H)', () => {
  it('unknown top-level command: exit 1, no final period', async () => {
    expect(await cli('foo')).toMatchObject({ stdout: '', stderr: "docker: 'foo' is not a docker command.\nSee 'docker --help'\n", exitCode: 1 });
  });

  it('unknown subcommand of a group: the group\'s usage on stderr, exit 1 (cli/required.go:16-18 NoArgs, v27.5.1)', async () => {
    expect(await cli('volume bogus')).toMatchObject({
      stdout: '',
      stderr:
        '\nUsage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n  inspect     Display detailed information on one or more volumes\n' +
        '  ls          List volumes\n  prune       Remove unused local volumes\n  rm          Remove one or more volumes\n\nRun \'docker volume COMMAND --help\' for more information on a command.\n',
      exitCode: 1,
    });
  });

  it('unknown flag: exit 125 with the help hint', async () => {
    expect(await cli('run --foo hello-world')).toMatchObject({ stderr: "unknown flag: --foo\nSee 'docker run --help'.\n", exitCode: 125 });
    expect(await cli('ps -z')).toMatchObject({ stderr: "unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n", exitCode: 125 });
    expect(await cli('container ls --bogus')).toMatchObject({ stderr: "unknown flag: --bogus\nSee 'docker container ls --help'.\n", exitCode: 125 });
  });

  it('missing arguments: cli/required.go texts, exit 1', async () => {
    expect(await cli('run')).toMatchObject({
      stderr: '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n',
      exitCode: 1,
    });
    expect((await cli('logs')).stderr).toBe('"docker logs" requires exactly 1 argument.\nSee \'docker logs --help\'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n');
    expect((await cli('ps x')).stderr).toBe('"docker ps" accepts no arguments.\nSee \'docker ps --help\'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n');
    expect((await cli('tag a')).stderr.split('\n')[0]).toBe('"docker tag" requires exactly 2 arguments.');
    expect((await cli('pull')).stderr.split('\n')[0]).toBe('"docker pull" requires exactly 1 argument.');
  });

  it('daemon errors are prefixed and exit 1', async () => {
    expect(await cli('rm nope')).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect(await cli('logs nope')).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect(await cli('rmi nope')).toMatchObject({ stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
    expect(await cli('start nope')).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n', exitCode: 1 });
    expect(await cli('stop nope')).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('rm -f of a missing container prints the error but exits 0 (CLI v27)', async () => {
    expect(await cli('rm -f nope')).toMatchObject({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 0 });
  });

  it('invalid references', async () => {
    expect(await cli('pull ubuntu:')).toMatchObject({ stderr: 'invalid reference format\n', exitCode: 1 });
    expect(await cli('pull Ubuntu')).toMatchObject({ stderr: 'invalid reference format: repository name (library/Ubuntu) must be lowercase\n', exitCode: 1 });
    expect(await cli('run ubuntu:')).toMatchObject({ stderr: "docker: invalid reference format.\nSee 'docker run --help'.\n", exitCode: 125 });
  });
});

describe('help pages', () => {
  it('docker ps --help lists aliases and options like docker 27', async () => {
    const { stdout, exitCode } = await cli('ps --help');
    expect(exitCode).toBe(0);
    expect(stdout.startsWith('\nUsage:  docker ps [OPTIONS]\n\nList containers\n\nAliases:\n  docker container ls, docker container list, docker container ps, docker ps\n\nOptions:\n  -a, --all             Show all containers (default shows just running)\n')).toBe(true);
    expect(stdout).toContain('\n  -n, --last int        Show n last created containers (includes all states) (default -1)\n');
    expect(stdout).toContain('      --format string   Format output using a custom template:\n                        \'table\':            Print output in table format with column headers (default)\n');
  });

  it('a group without a subcommand prints its command list on stderr (command.ShowHelp)', async () => {
    const { stdout: out, stderr: stdout, exitCode } = await cli('container');
    expect(exitCode).toBe(0);
    expect(out).toBe('');
    expect(stdout).toContain('\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n');
    expect(stdout).toContain('\n  ls          List containers\n');
    expect(stdout.endsWith("\nRun 'docker container COMMAND --help' for more information on a command.\n")).toBe(true);
  });

  it('docker with no arguments prints the top-level help', async () => {
    const { stdout } = await cli([]);
    expect(stdout).toContain('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n');
    expect(stdout).toContain('\nManagement Commands:\n  builder     Manage builds\n');
    expect(stdout).toContain('\n  container   Manage containers\n  image       Manage images\n  network     Manage networks\n');
  });
});

describe('docker version', () => {
  it('prints client and server blocks aligned at column 20', async () => {
    expect((await cli('--version')).stdout).toBe('Docker version 27.5.1, build 9f9e405\n');
    expect((await cli('version')).stdout).toBe(
      [
        'Client: Docker Engine - Community',
        ' Version:           27.5.1',
        ' API version:       1.47',
        ' Go version:        go1.22.11',
        ' Git commit:        9f9e405',
        ' Built:             Wed Jan 22 13:41:48 2025',
        ' OS/Arch:           linux/amd64',
        ' Context:           default',
        '',
        'Server: Docker Engine - Community',
        ' Engine:',
        '  Version:          27.5.1',
        '  API version:      1.47 (minimum version 1.24)',
        '  Go version:       go1.22.11',
        '  Git commit:       4c9b3b0',
        '  Built:            Wed Jan 22 13:41:48 2025',
        '  OS/Arch:          linux/amd64',
        '  Experimental:     false',
        ' containerd:',
        '  Version:          1.7.25',
        '  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb',
        ' runc:',
        '  Version:          1.2.4',
        '  GitCommit:        v1.2.4-0-g6c52b3f',
        ' docker-init:',
        '  Version:          0.19.0',
        '  GitCommit:        de40ad0',
        '',
      ].join('\n'),
    );
  });
});
