/**
 * Registry credentials from where docker and podman keep them: REGISTRY_AUTH_FILE, then
 * $XDG_RUNTIME_DIR/containers/auth.json, then ~/.docker/config.json (DOCKER_CONFIG moves its folder).
 * Each holds `auths` keyed by registry host, with `auth` = base64("user:password"). Credential helpers
 * (credsStore, credHelpers) are programs strata does not run.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

function authFiles(): string[] {
  const env = process.env;
  const files: string[] = [];
  if (env['REGISTRY_AUTH_FILE']) files.push(env['REGISTRY_AUTH_FILE']);
  if (env['XDG_RUNTIME_DIR']) files.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
  files.push(join(env['DOCKER_CONFIG'] ?? join(homedir(), '.docker'), 'config.json'));
  return files;
}

/** The keys a host may be filed under: bare, with a scheme, and Docker Hub's historical URL. */
function keysFor(host: string): string[] {
  const keys = [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
  if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io')
    keys.push('https://index.docker.io/v1/', 'docker.io', 'index.docker.io');
  return keys;
}

function decode(entry: unknown): Credentials | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { auth, username, password } = entry as Record<string, unknown>;
  if (typeof auth === 'string' && auth !== '') {
    const text = Buffer.from(auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  if (typeof username === 'string' && typeof password === 'string') return { username, password };
  return undefined;
}

/** The first credentials filed for `host`, or undefined (anonymous access). */
export async function credentialsFor(host: string, files = authFiles()): Promise<Credentials | undefined> {
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let auths: unknown;
    try {
      auths = (JSON.parse(text) as { auths?: unknown }).auths;
    } catch {
      throw new Error(`${file} is not valid JSON; fix or remove it to read registry credentials.`);
    }
    if (typeof auths !== 'object' || auths === null) continue;
    for (const key of keysFor(host)) {
      const found = decode((auths as Record<string, unknown>)[key]);
      if (found) return found;
    }
  }
  return undefined;
}
