// Client-side registry credentials in ~/.docker/config.json on the host (what docker login writes, unencrypted).
import { dict } from '../../engine/index';
import type { CliContext } from '../command';

export const CONFIG_FILE = '/root/.docker/config.json';
export const HUB = 'https://index.docker.io/v1/';

/** The server key docker uses in config.json: Hub's legacy URL, or the registry host. */
export const serverKey = (server: string | undefined) => (!server || server === 'docker.io' || server === 'index.docker.io' ? HUB : server.replace(/^https?:\/\//, '').replace(/\/$/, ''));

interface Config {
  auths: Record<string, { auth: string }>;
}

export async function readConfig(ctx: CliContext): Promise<Config> {
  const text = await ctx.host.readFile(CONFIG_FILE);
  try {
    const c = text ? (JSON.parse(text) as Partial<Config>) : {};
    return { auths: dict(c.auths) };
  } catch {
    return { auths: dict() };
  }
}

export async function writeConfig(ctx: CliContext, c: Config) {
  await ctx.host.writeFile(CONFIG_FILE, JSON.stringify(c, null, '\t') + '\n');
}

/** The user logged in to a registry, from the stored `auth` (base64 of user:password). */
export async function loggedInUser(ctx: CliContext, server: string): Promise<string | null> {
  const a = (await readConfig(ctx)).auths[serverKey(server)];
  if (!a) return null;
  try {
    return atob(a.auth).split(':')[0] || null;
  } catch {
    return null;
  }
}
