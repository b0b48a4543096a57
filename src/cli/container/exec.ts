// docker container exec / docker exec: run a command in a running container (-it opens its shell here).
// docker/cli: cli/command/container/exec.go
import { defineCommand, StatusError } from '../command';
import { isDockerError, own } from '../../engine/index';

export default defineCommand({
  name: 'exec',
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  aliasPaths: ['docker container exec', 'docker exec'],
  short: 'Execute a command in a running container',
  completeArgs: ['containers', 'none'],
  topLevel: { group: 'common' },
  args: { min: 2 },
  interspersed: false,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', unsupported: true, type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  async run(ctx, [ref, ...argv], f) {
    // streams.In.CheckTty: -it needs a terminal on stdin (not for -d, which attaches nothing)
    if (!f.detach && f.interactive && f.tty && ctx.inIsTerminal === false) throw new StatusError('the input device is not a TTY', 1);
    const c = ctx.engine.container.get(ref);
    try {
      // opts.ValidateEnv: a bare NAME takes the client's value, or stays bare (the daemon then drops it)
      const env = f.env.map((e) => (e.includes('=') || own(ctx.env, e) === undefined ? e : `${e}=${ctx.env[e]}`));
      const r = await ctx.runtime.exec(c.id, argv, { interactive: f.interactive, tty: f.tty, stdin: f.interactive ? ctx.stdin : undefined, env, workdir: f.workdir || undefined, user: f.user || undefined, ref, detach: f.detach, ask: (p, o) => ctx.ask(p, o) });
      if (f.detach) return 0;
      // with a tty the pty's line discipline (onlcr) turns each \n into \r\n, as docker run -t prints it
      if (r.stdout) ctx.out(f.tty && !r.interactive ? r.stdout.replace(/\r?\n/g, '\r\n') : r.stdout);
      if (r.stderr) ctx.err(r.stderr);
      return r.exitCode;
    } catch (e) {
      // the daemon has already hijacked the stream: it writes the error to stdout (exec.go:151, v27.5.1)
      if (isDockerError(e) && e.code === 'exec-start-failed') {
        // detached, nothing is hijacked: the start's error is the API call's answer
        if (f.detach) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
        ctx.out(`${e.message}\r\n`);
        return 126;
      }
      throw e;
    }
  },
});
