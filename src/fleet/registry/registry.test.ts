/**
 * The registry client against a small OCI distribution server in the test: a two-platform index behind
 * the Bearer token flow, whose token service wants the credentials of REGISTRY_AUTH_FILE; a blob whose
 * bytes do not match its digest is refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTar } from '../../core/testing/tar-builder';
import { credentialsFor } from './credentials';
import { parseRegistryReference } from './reference';
import { openRegistryArchive } from './registry-archive';

const digest = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function image(arch: string) {
  const layer = buildTar([{ name: 'etc/arch', data: `${arch}\n` }]);
  const config = JSON.stringify({
    architecture: arch,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [digest(layer)] },
    config: {},
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: digest(config),
      size: config.length,
    },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: digest(layer), size: layer.length },
    ],
  });
  return { layer, config, manifest };
}

describe('registry sources', () => {
  let server: Server;
  let host: string;
  let dir: string;
  const blobs = new Map<string, Uint8Array | string>();
  const manifests = new Map<string, string>();
  let corrupt: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strata-registry-test-'));
    const amd = image('amd64');
    const arm = image('arm64');
    for (const i of [amd, arm]) {
      blobs.set(digest(i.layer), i.layer);
      blobs.set(digest(i.config), i.config);
      manifests.set(digest(i.manifest), i.manifest);
    }
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: digest(amd.manifest),
          size: amd.manifest.length,
          platform: { os: 'linux', architecture: 'amd64' },
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: digest(arm.manifest),
          size: arm.manifest.length,
          platform: { os: 'linux', architecture: 'arm64' },
        },
      ],
    });
    manifests.set('1', index);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') {
        const basic = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
        if (
          req.headers.authorization !== basic ||
          url.searchParams.get('scope') !== 'repository:team/app:pull'
        ) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'T0K3N' }));
        return;
      }
      if (req.headers.authorization !== 'Bearer T0K3N') {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${host}/token",service="test",scope="repository:team/app:pull"`,
          })
          .end();
        return;
      }
      const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
      const body = m?.[1] === 'manifests' ? manifests.get(m[2]!) : m ? blobs.get(m[2]!) : undefined;
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      const type =
        m![1] === 'manifests'
          ? (JSON.parse(body as string) as { mediaType: string }).mediaType
          : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(m![2] === corrupt ? 'tampered' : body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    host = `127.0.0.1:${address.port}`;
    const authFile = join(dir, 'auth.json');
    writeFileSync(
      authFile,
      JSON.stringify({ auths: { [host]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }),
    );
    process.env['REGISTRY_AUTH_FILE'] = authFile;
  });

  afterAll(() => {
    delete process.env['REGISTRY_AUTH_FILE'];
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses references, Docker Hub included', () => {
    expect(parseRegistryReference('docker://127.0.0.1:5000/team/app:1')).toMatchObject({
      host: '127.0.0.1:5000',
      repository: 'team/app',
      tag: '1',
      digest: null,
    });
    expect(parseRegistryReference('docker://docker.io/debian')).toMatchObject({
      apiHost: 'registry-1.docker.io',
      repository: 'library/debian',
      tag: 'latest',
    });
    expect(() => parseRegistryReference('docker://app:1')).toThrow(/not a registry reference/);
  });

  it('reads credentials from REGISTRY_AUTH_FILE', async () => {
    expect(await credentialsFor(host)).toEqual({ username: 'alice', password: 's3cret' });
    expect(await credentialsFor('elsewhere.example')).toBeUndefined();
  });

  it('follows the bearer flow, picks the platform, and opens the image', async () => {
    for (const [platform, arch] of [
      [undefined, 'amd64'],
      ['linux/arm64', 'arm64'],
    ] as const) {
      const opened = await openRegistryArchive(`docker://${host}/team/app:1`, {
        platform,
        isStored: () => Promise.resolve(false),
      });
      try {
        const [only] = opened.session.info.images;
        expect(only?.platform.architecture).toBe(arch);
        expect(only?.rawNames).toEqual([`${host}/team/app:1`]);
      } finally {
        await opened.close();
      }
    }
    await expect(
      openRegistryArchive(`docker://${host}/team/app:1`, {
        platform: 'linux/s390x',
        isStored: () => Promise.resolve(false),
      }),
    ).rejects.toThrow(/has no image for linux\/s390x; it has linux\/amd64, linux\/arm64/);
  });

  it('refuses a blob whose bytes do not match its digest', async () => {
    corrupt = [...blobs.keys()].find((d) => typeof blobs.get(d) !== 'string');
    try {
      await expect(
        openRegistryArchive(`docker://${host}/team/app:1`, {
          platform: undefined,
          isStored: () => Promise.resolve(false),
        }),
      ).rejects.toThrow(/refusing it|ended after|larger than/);
    } finally {
      corrupt = undefined;
    }
  });
});
