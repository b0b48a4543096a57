// docker login / docker logout: store or remove registry credentials (Docker Hub or a local registry).
// docker/cli: cli/command/registry/login.go, logout.go (v27 warnings and texts)
import { defineCommand, StatusError, type CliContext } from '../command';
import { readLine } from '../prompt';
import { readConfig, serverKey, writeConfig, CONFIG_FILE, HUB } from './auth';

const HUB_INTRO =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\nYou can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n";

/** Docker Hub's device codes: two groups of four consonants (Auth0 user codes leave out vowels). */
function deviceCode(seed: number): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  let x = (seed ^ 0x9e3779b9) >>> 0;
  let code = '';
  for (let i = 0; i < 8; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    code += (i === 4 ? '-' : '') + letters[x % letters.length];
  }
  return code;
}

const bold = (t: string) => `\x1b[1m${t}\x1b[0m`;

/**
 * CLI 27.2+ signs in to Docker Hub in the browser (OAuth device code) when no username and password are given.
 * There is no browser behind this simulated machine, so the sign-in never completes: Enter keeps waiting, Ctrl+C
 * cancels, as it does on a real host where nobody opens the page. `docker login -u NAME` is the way in, and says so.
 */
async function webLogin(ctx: CliContext): Promise<never> {
  ctx.err("\nUSING WEB-BASED LOGIN\nTo sign in with credentials on the command line, use 'docker login -u <username>'\n");
  ctx.err(`\nYour one-time device confirmation code is: ${bold(deviceCode(ctx.engine.now()))}\n`);
  ctx.err(`${bold('Press ENTER')} to open your browser or submit your device code here: \x1b[4mhttps://login.docker.com/activate\x1b[0m\n`);
  ctx.err('\nWaiting for authentication in the browser…\n');
  // Enter would open a browser; none opens here, and the sign-in goes on waiting until Ctrl+C
  if ((await ctx.ask('', { secret: true })) !== null) await ctx.interrupted();
  throw new StatusError('login canceled', 1);
}

export const login = defineCommand({
  name: 'login',
  use: 'login [OPTIONS] [SERVER]',
  short: 'Log in to a registry',
  completeArgs: ['none'],
  group: 'common',
  args: { max: 1 },
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  async run(ctx, [server], f) {
    let password = f.password;
    let user = f.username;
    // login.go verifyloginOptions: the --password warning first, then the --password-stdin conflict
    if (password !== '') ctx.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (f.passwordStdin) {
      if (password !== '') throw new StatusError('--password and --password-stdin are mutually exclusive', 1);
      if (!user) throw new StatusError('Must provide --username with --password-stdin', 1);
      password = ctx.stdin.replace(/\r?\n$/, '');
    }
    const tty = ctx.stdin === '';
    if ((!user || !password) && !tty) throw new StatusError('Error: Cannot perform an interactive login from a non TTY device', 1);
    // docker/cli 27.2+: Docker Hub without credentials on the command line signs in through the browser
    if (!user && !password && serverKey(server) === HUB && !/^(1|t|true)$/i.test(ctx.env.DOCKER_CLI_DISABLE_OAUTH_LOGIN ?? '')) await webLogin(ctx);
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
  completeArgs: ['none'],
  group: 'common',
  args: { max: 1 },
  async run(ctx, [server]) {
    const key = serverKey(server);
    const cfg = await readConfig(ctx);
    // cli/command/registry/logout.go (v27): the line is printed whether or not there were credentials to erase
    ctx.out(`Removing login credentials for ${key}\n`);
    if (!Object.hasOwn(cfg.auths, key)) return;
    delete cfg.auths[key];
    await writeConfig(ctx, cfg);
  },
});
