// docker login / docker logout: store or remove registry credentials (Docker Hub or a local registry).
// docker/cli: cli/command/registry/login.go, logout.go (v27 warnings and texts)
import { defineCommand, StatusError } from '../command';
import { readLine } from '../prompt';
import { readConfig, serverKey, writeConfig, CONFIG_FILE, HUB } from './auth';

const HUB_INTRO =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\nYou can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n";

export const login = defineCommand({
  name: 'login',
  use: 'login [OPTIONS] [SERVER]',
  short: 'Log in to a registry',
  group: 'common',
  args: { max: 1 },
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  async run(ctx, [server], f) {
    let password = f.string('password');
    let user = f.string('username');
    if (f.bool('password-stdin')) {
      if (f.changed('password')) throw new StatusError('--password and --password-stdin are mutually exclusive', 1);
      if (!user) throw new StatusError('Must provide --username with --password-stdin', 1);
      password = ctx.stdin.replace(/\r?\n$/, '');
    } else if (f.changed('password')) ctx.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (!user || !password) {
      // interactive: the terminal asks (docker/cli PromptUserForCredentials)
      if (!user) {
        if (serverKey(server) === HUB) ctx.out(HUB_INTRO);
        user = (await readLine(ctx, 'Username: '))?.trim() ?? '';
        if (!user) throw new StatusError(ctx.stdin === '' ? 'Error: Cannot perform an interactive login from a non TTY device' : 'Error: Non-null Username Required', 1);
      }
      password = (await readLine(ctx, 'Password: ', { secret: true })) ?? '';
      if (!password) throw new StatusError('Error: Password Required', 1);
    }
    const key = serverKey(server);
    if (key !== HUB && !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(key)) throw new StatusError(`Error response from daemon: Get "https://${key}/v2/": dial tcp: lookup ${key.split(':')[0]}: no such host`, 1);
    const cfg = await readConfig(ctx);
    cfg.auths[key] = { auth: btoa(`${user}:${password}`) };
    await writeConfig(ctx, cfg);
    ctx.err(`WARNING! Your password will be stored unencrypted in ${CONFIG_FILE}.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
    ctx.out('Login Succeeded\n');
  },
});

export const logout = defineCommand({
  name: 'logout',
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  group: 'common',
  args: { max: 1 },
  async run(ctx, [server]) {
    const key = serverKey(server);
    const cfg = await readConfig(ctx);
    if (!cfg.auths[key]) {
      ctx.out(`Not logged in to ${key}\n`);
      return;
    }
    ctx.out(`Removing login credentials for ${key}\n`);
    delete cfg.auths[key];
    await writeConfig(ctx, cfg);
  },
});
