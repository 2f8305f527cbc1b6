import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError, type CliIo } from '../cli-io';
import { main } from '../main';
import { openSession } from '../open-image';
import { listArchiveNames } from './resolve-archive-names';
import { resolveWith } from './resolve';

const ID_A = 'sha256:a92ddfc53bc54fe9f70a145763ce03a63b0fe04e43e29f3ebeb9130d3f1dad2e';
const STORE = {
  names: ['registry.access.redhat.com/ubi7/ubi:test', 'ubuntu:22.04', 'localhost/ubi7:test'],
  ids: [ID_A],
};

async function run(args: string[], archive = STORE): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const command = resolveWith({
    listArchiveNames: (path) =>
      path === 'store.tar'
        ? Promise.resolve({ ...archive })
        : Promise.reject(new InputError(`${path}: no such file.`)),
  });
  const code = await command(args, io);
  return { code, out, err };
}

const json = (out: string): Record<string, unknown> => JSON.parse(out) as Record<string, unknown>;

describe('strata resolve --json', () => {
  it('has the agreed keys for a valid name', async () => {
    const { code, out, err } = await run(['--json', '--archive', 'store.tar', 'ubuntu:22.04']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(json(out)).toMatchObject({
      input: 'ubuntu:22.04',
      valid: true,
      registry: 'docker.io',
      path: 'library/ubuntu',
      tag: '22.04',
      digest: null,
      normalized: 'docker.io/library/ubuntu:22.04',
      implied: ['registry', 'namespace'],
      candidates: [],
      matches: ['ubuntu:22.04'],
    });
  });

  it('lists the podman candidates in order and what they find', async () => {
    const { out } = await run(['--json', '--engine', 'podman', '--archive', 'store.tar', 'ubi:test']);
    const report = json(out);
    expect(report.candidates).toEqual([
      'localhost/ubi:test',
      'registry.fedoraproject.org/ubi:test',
      'registry.access.redhat.com/ubi:test',
      'docker.io/library/ubi:test',
      'quay.io/ubi:test',
      'docker.io/library/ubi:test',
    ]);
    expect(report.matches).toEqual(['registry.access.redhat.com/ubi7/ubi:test']);
    expect(report.normalized).toBe('registry.access.redhat.com/ubi7/ubi:test');
  });

  it('prints the explanations and notes as English only, without sentence names', async () => {
    const name = `index.docker.io/ubi:1@sha256:${'a'.repeat(64)}`;
    const { out } = await run(['--json', '--engine', 'podman', '--archive', 'store.tar', name]);
    expect(json(out).notes).toHaveLength(2);
    expect(json(out).explanation).not.toEqual([]);
    expect(out).not.toContain('Sentence');
  });

  it('explains a miss', async () => {
    const { code, out } = await run(['--json', '--engine', 'podman', '--archive', 'store.tar', 'ubi7/ubi']);
    expect(code).toBe(0);
    expect(json(out).matches).toEqual([]);
    expect(json(out).explanation).toContain(
      "no image is tagged 'latest'; 'ubi7/ubi' exists only as registry.access.redhat.com/ubi7/ubi:test — a missing tag means ':latest'",
    );
  });

  it('reads an image ID', async () => {
    const { out } = await run(['--json', '--archive', 'store.tar', ID_A]);
    expect(json(out)).toMatchObject({
      valid: true,
      kind: 'id',
      registry: null,
      normalized: ID_A,
      matches: [ID_A],
    });
  });

  it('prints the JSON and a sentence for an invalid name, and exits 1', async () => {
    const { code, out, err } = await run(['--json', 'foo/App']);
    expect(code).toBe(1);
    expect(json(out)).toEqual({
      version: 1,
      input: 'foo/App',
      valid: false,
      error: "uppercase letters are not allowed in the repository path: 'App' (position 4)",
    });
    expect(err).toBe(
      "strata resolve: 'foo/App' is not a valid image name: uppercase letters are not allowed in the repository path: 'App' (position 4).\n",
    );
  });
});

describe('strata resolve, human output', () => {
  it('aligns the parts, what was implied and both engines', async () => {
    const { code, out } = await run(['--archive', 'store.tar', 'ubi7:test']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'ubi7:test',
        'registry      docker.io  (implied)',
        "path          library/ubi7  ('library/' implied)",
        'tag           test',
        'digest        -',
        'familiar      ubi7:test',
        'implied       registry, namespace',
        'docker        docker.io/library/ubi7:test',
        '  in archive  not found',
        "              'ubi7:test' means docker.io/library/ubi7:test, which is not present",
        "              Docker reads a name without a registry as Docker Hub, so 'ubi7' means docker.io/library/ubi7; the archive has localhost/ubi7:test",
        'podman        short name; tries, in order:',
        '                1. localhost/ubi7:test  (localhost, where locally built images live)',
        '                2. registry.fedoraproject.org/ubi7:test  (the search registry registry.fedoraproject.org)',
        '                3. registry.access.redhat.com/ubi7:test  (the search registry registry.access.redhat.com)',
        '                4. docker.io/library/ubi7:test  (the search registry docker.io)',
        '                5. quay.io/ubi7:test  (the search registry quay.io)',
        '                6. docker.io/library/ubi7:test  (the Docker Hub normalisation)',
        '              then the start of an image ID',
        "              then any name ending in '/ubi7' with the tag 'test'",
        "  settings    Fedora's registries.conf (4 search registries, enforcing); --registries-conf FILE for another",
        '  in archive  found: localhost/ubi7:test',
        '              found as candidate 1 of 6, localhost/ubi7:test (localhost, where locally built images live)',
        '  on pull     podman pull asks which of registry.fedoraproject.org/ubi7:test, registry.access.redhat.com/ubi7:test, docker.io/library/ubi7:test, quay.io/ubi7:test on a terminal, and fails without one (short-name-mode enforcing)',
        '',
      ].join('\n'),
    );
  });
});

describe('strata resolve: options', () => {
  it('reads --registries-conf', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-resolve-'));
    const conf = join(dir, 'registries.conf');
    writeFileSync(
      conf,
      'unqualified-search-registries = ["quay.io"]\n[aliases]\n"ubuntu" = "quay.io/lib/ubuntu"\n',
    );
    const { out } = await run(['--json', '--engine', 'podman', '--registries-conf', conf, 'ubuntu']);
    expect(json(out)).toMatchObject({
      candidates: [
        'quay.io/lib/ubuntu:latest',
        'localhost/ubuntu:latest',
        'quay.io/ubuntu:latest',
        'docker.io/library/ubuntu:latest',
      ],
      normalized: 'quay.io/lib/ubuntu:latest',
      podmanPull: 'podman pull fetches quay.io/lib/ubuntu:latest (the alias always wins)',
    });
  });

  it('turns a bad registries.conf into an input error with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-resolve-'));
    const conf = join(dir, 'registries.conf');
    writeFileSync(conf, '\nshort-name-mode = "strict"\n');
    await expect(run(['--registries-conf', conf, 'ubuntu'])).rejects.toThrow(
      new InputError(
        `${conf}: line 2: short-name-mode must be "enforcing", "permissive" or "disabled", not "strict".`,
      ),
    );
  });

  it.each([
    [[], 'usage: strata resolve'],
    [['a', 'b'], 'usage: strata resolve'],
    [['--engine', 'rkt', 'a'], '--engine takes docker or podman, not "rkt".'],
    [['--bogus', 'a'], 'Unknown option --bogus.'],
  ])('refuses %j as bad usage', async (args, message) => {
    const error: unknown = await run(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });
});

describe('strata resolve on a real archive', () => {
  const archive = '../shared/corpus/archives/test-docker-image.tar';
  it.skipIf(!existsSync(archive))(
    `finds dive-test in ${archive} (skipped when the corpus is absent)`,
    async () => {
      const { session, source } = await openSession(archive);
      const names = session.info.images.flatMap((i) => [...i.rawNames]);
      const ids = session.info.images.map((i) => i.id);
      await source.close();
      const docker = json((await run(['--json', '--archive', 'store.tar', 'dive-test'], { names, ids })).out);
      expect(docker.matches).toEqual(names);
      const byId = json(
        (await run(['--json', '--archive', 'store.tar', ids[0]!.slice(7, 13)], { names, ids })).out,
      );
      expect(byId.matches).toEqual([ids[0]]);
    },
  );
});

describe('the default archive reader', () => {
  it('lists the full names and ids of an archive', async () => {
    const names = await listArchiveNames('fixtures/archives/podman-name-resolution.tar');
    expect(names.names).toEqual([
      'registry.access.redhat.com/ubi7/ubi:test',
      'localhost/ubi7:test',
      'localhost/test:1',
    ]);
    expect(names.ids).toHaveLength(2);
  });
});

describe('strata resolve through main: exit codes', () => {
  const exit = async (argv: string[]): Promise<number> => {
    const io: CliIo = { stdout: () => undefined, stderr: () => undefined };
    return main(argv, io);
  };

  it('exits 0 for a valid name, 1 for an invalid one, 2 for bad usage', async () => {
    expect(await exit(['resolve', 'ubuntu'])).toBe(0);
    expect(await exit(['resolve', '--json', 'foo/App'])).toBe(1);
    expect(await exit(['resolve'])).toBe(2);
    expect(await exit(['resolve', '--engine', 'rkt', 'ubuntu'])).toBe(2);
  });

  it('exits 1 when the archive cannot be read', async () => {
    expect(await exit(['resolve', '--archive', 'no-such-archive.tar', 'ubuntu'])).toBe(1);
  });
});
