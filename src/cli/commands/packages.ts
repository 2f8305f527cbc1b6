/**
 * `strata packages [--image NAME] [--layer N] [--json | --format cyclonedx] ARCHIVE`: every installed
 * package at layer N (default: the top) sorted by name, and what each layer up to N installed,
 * removed or upgraded; `--json` is the versioned export, `--format cyclonedx` a CycloneDX 1.5 SBOM.
 * An image without a package database is an empty list with a note, not an error: a static or
 * distroless-scratch image has no packages to list.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  imageDisplayNames,
  type ImageFs,
  isCopyrightPath,
  parseOsRelease,
  readPackageLicenses,
  toCycloneDx,
  type Distro,
  packagesPerLayer,
  PACKAGE_DB_DIRS,
} from '../../core';
import { UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { nodeSqliteOptions } from '../sqlite-node';
import { layerOption, openStack } from './diff-stack';
import { batchedReader, packageDbReader } from './packages-reader';
import {
  databasesJson,
  layersJson,
  layersText,
  packageJson,
  packagesText,
  PACKAGES_JSON_VERSION,
  type PackagesJson,
} from './packages-report';

export const PACKAGES_USAGE =
  'usage: strata packages [--image NAME] [--platform OS/ARCH] [--layer N] [--json | --format text|json|cyclonedx] ARCHIVE';

const FORMATS = ['text', 'json', 'cyclonedx'] as const;
type Format = (typeof FORMATS)[number];

/** ID and VERSION_ID of the image's os-release (os-release(5): /etc first, then /usr/lib). */
async function readDistro(fs: ImageFs): Promise<Distro | undefined> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    const node = await fs.lstat(path);
    if (node === undefined) continue;
    const bytes = await fs.read(path, 0, 64 * 1024);
    if (bytes !== undefined) return parseOsRelease(new TextDecoder().decode(bytes));
  }
  return undefined;
}

function toolVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

function formatOption(parsed: ReturnType<typeof parseArgs>): Format {
  const value = flagValue(parsed, '--format');
  if (value !== undefined && parsed.flags.has('--json') && value !== 'json')
    throw new UsageError(`--json and --format ${value} ask for two outputs; give one.`);
  if (value === undefined) return parsed.flags.has('--json') ? 'json' : 'text';
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format ${value} is not known: use text, json or cyclonedx.`);
  return value as Format;
}

export const packages: Command = async (args, io) => {
  const parsed = parseArgs(args, {
    values: ['--image', '--platform', '--layer', '--format'],
    booleans: ['--json'],
  });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(PACKAGES_USAGE);
  const format = formatOption(parsed);
  const opened = await openStack(archive, parsed);
  try {
    const { stack, image } = opened;
    const layer = layerOption(parsed, stack);
    const reader = packageDbReader(opened);
    const perLayer = await packagesPerLayer(stack, reader, {
      sqlite: await nodeSqliteOptions(),
      toLayer: layer,
    });
    const top = perLayer[layer]!;
    // A layer that changed no database carries the set (and read errors) of the one below: name
    // each error once, at the layer that read it.
    const warnings = [
      ...perLayer.flatMap((l) => (l.dbChanged ? l.errors.map((e) => `layer ${l.index}: ${e.message}`) : [])),
      ...top.dbs.flatMap((db) => db.warnings.map((w) => `${db.location}: ${w}`)),
    ];
    for (const w of warnings) io.stderr(`warning: ${w}\n`);
    if (top.dbs.length === 0 && top.errors.length === 0)
      io.stderr(
        `note: the image has no package database at layer ${layer} (strata looks in ${PACKAGE_DB_DIRS.join(', ')}).\n`,
      );
    const names = imageDisplayNames(image.rawNames).full;
    const distro = await readDistro(stack.imageFs(layer, reader));
    const licenses = await readPackageLicenses(
      stack.imageFs(layer, batchedReader(opened, isCopyrightPath)),
      top.packages,
    );
    if (format === 'cyclonedx') {
      const version = toolVersion();
      const bom = toCycloneDx(
        top.packages,
        { id: image.id, names },
        {
          serialNumber: `urn:uuid:${randomUUID()}`,
          timestamp: new Date().toISOString(),
          distro,
          tool: { name: 'strata', ...(version === undefined ? {} : { version }) },
          licenses,
        },
      );
      io.stdout(JSON.stringify(bom, null, 2) + '\n');
    } else if (format === 'json') {
      const out: PackagesJson = {
        version: PACKAGES_JSON_VERSION,
        image: { id: image.id, names },
        layer,
        managers: [...new Set(top.dbs.map((db) => db.manager))],
        databases: databasesJson(top.dbs),
        packages: top.packages.map((p) => packageJson(p, distro, licenses.get(p))),
        layers: layersJson(image, perLayer),
        warnings,
      };
      io.stdout(JSON.stringify(out, null, 2) + '\n');
    } else {
      io.stdout(`${packagesText(top.dbs, top.packages, licenses)}\n${layersText(image, perLayer)}`);
    }
    return 0;
  } finally {
    await opened.source.close();
  }
};
