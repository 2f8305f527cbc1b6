/**
 * The OCI distribution API, read side: GET /v2/<name>/manifests/<reference> and /blobs/<digest>, with
 * the authentication dance registries use (a 401 with `WWW-Authenticate: Bearer realm=…,service=…,
 * scope=…` → a token from the realm, anonymous or with Basic credentials; or plain Basic). Manifests
 * are asked for in every form strata reads (OCI index and manifest, Docker list and v2 manifest);
 * content fetched by digest is checked against it.
 */
import { createHash } from 'node:crypto';
import { credentialsFor, type Credentials } from './credentials';
import type { RegistryReference } from './reference';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

interface Challenge {
  readonly scheme: string;
  readonly params: Record<string, string>;
}

export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)="([^"]*)"/g)) params[p[1]!.toLowerCase()] = p[2]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

/** Hosts reached over plain HTTP: loopback (as Docker allows) and STRATA_INSECURE_REGISTRIES. */
function isInsecure(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  const listed = (process.env['STRATA_INSECURE_REGISTRIES'] ?? '').split(',').map((h) => h.trim());
  return name === 'localhost' || name === '[::1]' || /^127\./.test(name) || listed.includes(host);
}

export class RegistryClient {
  private authorization: string | undefined;
  private credentials: Promise<Credentials | undefined> | undefined;
  readonly base: string;

  constructor(readonly ref: RegistryReference) {
    this.base = `${isInsecure(ref.host) ? 'http' : 'https'}://${ref.apiHost}/v2/`;
  }

  private creds(): Promise<Credentials | undefined> {
    this.credentials ??= credentialsFor(this.ref.host);
    return this.credentials;
  }

  private async send(url: string, accept: string | undefined): Promise<Response> {
    const headers: Record<string, string> = {};
    if (accept) headers['accept'] = accept;
    if (this.authorization) headers['authorization'] = this.authorization;
    try {
      return await fetch(url, { headers, redirect: 'follow' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(
        `Cannot reach the registry ${this.ref.host} (${cause?.code ?? cause?.message ?? String(error)}).`,
      );
    }
  }

  private async authenticate(challenge: string | null): Promise<void> {
    const parsed = challenge ? parseChallenge(challenge) : undefined;
    const creds = await this.creds();
    if (parsed?.scheme === 'basic') {
      if (!creds) throw this.refused();
      this.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      return;
    }
    const realm = parsed?.params['realm'];
    if (parsed?.scheme !== 'bearer' || realm === undefined) throw this.refused();
    const url = new URL(realm);
    if (parsed.params['service']) url.searchParams.set('service', parsed.params['service']);
    url.searchParams.set('scope', parsed.params['scope'] ?? `repository:${this.ref.repository}:pull`);
    const headers: Record<string, string> = {};
    if (creds)
      headers['authorization'] =
        `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    const res = await fetch(url, { headers }).catch((error: unknown) => {
      throw new Error(`Cannot reach the token service ${url.host} of ${this.ref.host} (${String(error)}).`);
    });
    if (!res.ok) throw this.refused(res.status);
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new Error(`The token service of ${this.ref.host} answered without a token.`);
    this.authorization = `Bearer ${token}`;
  }

  private refused(status = 401): Error {
    return new Error(
      `The registry ${this.ref.host} refused access to ${this.ref.repository} (${status}); log in with docker login or podman login, or set REGISTRY_AUTH_FILE.`,
    );
  }

  /** GET with authentication on demand; a second 401 after authenticating is a refusal. */
  async get(path: string, accept?: string): Promise<Response> {
    const url = this.base + path;
    let res = await this.send(url, accept);
    if (res.status === 401) {
      await res.body?.cancel();
      await this.authenticate(res.headers.get('www-authenticate'));
      res = await this.send(url, accept);
      if (res.status === 401) throw this.refused();
    }
    return res;
  }

  /** A manifest or index by tag or digest: its bytes, media type and digest (checked when asked by digest). */
  async manifest(reference: string): Promise<{ bytes: Uint8Array; mediaType: string; digest: string }> {
    const res = await this.get(`${this.ref.repository}/manifests/${reference}`, MANIFEST_TYPES.join(', '));
    if (res.status === 404) {
      await res.body?.cancel();
      throw new Error(`${this.ref.host}/${this.ref.repository}:${reference} is not in the registry (404).`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`The registry ${this.ref.host} answered ${res.status} for the manifest ${reference}.`);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (reference.startsWith('sha256:') && digest !== reference)
      throw new Error(
        `The manifest ${reference} from ${this.ref.host} has the digest ${digest}: refusing it.`,
      );
    const header = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { mediaType?: unknown };
    const mediaType = typeof parsed.mediaType === 'string' ? parsed.mediaType : header;
    return { bytes, mediaType, digest };
  }

  /** A blob's bytes, streamed; the caller checks the digest over what it consumed (see verifiedStream). */
  async blob(digest: string): Promise<AsyncIterable<Uint8Array>> {
    const res = await this.get(`${this.ref.repository}/blobs/${digest}`);
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new Error(`The registry ${this.ref.host} answered ${res.status} for the blob ${digest}.`);
    }
    return res.body;
  }
}

/** Passes the bytes on while hashing them; throws at the end when size or digest differ from the descriptor. */
export async function* verifiedStream(
  input: AsyncIterable<Uint8Array>,
  digest: string,
  size: number,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let total = 0;
  for await (const chunk of input) {
    hash.update(chunk);
    total += chunk.length;
    if (total > size)
      throw new Error(`The blob ${digest} is larger than its descriptor says (${size} bytes).`);
    yield chunk;
  }
  const got = `sha256:${hash.digest('hex')}`;
  if (total !== size) throw new Error(`The blob ${digest} ended after ${total} of ${size} bytes.`);
  if (got !== digest) throw new Error(`The blob ${digest} arrived with the digest ${got}: refusing it.`);
}
