/**
 * Package databases of the shown image, read once from its final merged tree and kept with an
 * owner index: the Packages view, package file lists, and the owner of any path.
 */
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import {
  buildOwnerIndex,
  fullVersion,
  imageDisplayNames,
  packagesPerLayer,
  readPackageDbs,
  toCycloneDx,
  type ArchiveSession,
  type InstalledPackage,
  type OwnerIndex,
} from '../core';
import type { LayerPackageChanges, OwnerView, PackagesRequest, PackagesView } from '../protocol/packages';

interface ImagePackages {
  readonly view: PackagesView;
  readonly packages: readonly InstalledPackage[];
  /** Built on first use: the package list answers without waiting for the owner index. */
  readonly owners: () => Promise<OwnerIndex>;
}

export class PackagesHandler {
  private readonly cache = new Map<string, Promise<ImagePackages>>();

  constructor(private readonly session: (archiveId: string) => ArchiveSession) {}

  private load(archiveId: string, imageKey: string): Promise<ImagePackages> {
    const key = `${archiveId}|${imageKey}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.read(archiveId, imageKey);
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private async read(archiveId: string, imageKey: string): Promise<ImagePackages> {
    const session = this.session(archiveId);
    const image = session.image(imageKey);
    await session.indexImage(image);
    await session.warmContents(image);
    const stack = session.layerStack(image);
    const fs = stack.imageFs(stack.topLayer, (layer, entry, offset, length) =>
      session.readEntry(image, layer, entry, offset, length),
    );
    const { dbs, errors } = await readPackageDbs(fs, { sqlite: { locateFile: () => sqlWasmUrl } });
    const packages = dbs.flatMap((db) => db.packages);
    const view: PackagesView = {
      managers: [...new Set(dbs.map((db) => db.manager))],
      locations: dbs.map((db) => `${db.location} (${db.format})`),
      packages: packages
        .map((p) => ({
          manager: p.manager,
          name: p.name,
          version: fullVersion(p),
          arch: p.arch,
          sourcePackage: p.sourcePackage,
          license: p.license,
          installedSize: p.installedSize,
          fileCount: p.files.length,
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      problems: [...errors.map((e) => e.message), ...dbs.flatMap((db) => db.warnings)],
    };
    let owners: Promise<OwnerIndex> | undefined;
    return { view, packages, owners: () => (owners ??= buildOwnerIndex(fs, dbs)) };
  }

  /** What each layer installed, removed or upgraded: databases re-read only where a layer touched them. */
  private async layers(archiveId: string, imageKey: string): Promise<LayerPackageChanges[]> {
    const session = this.session(archiveId);
    const image = session.image(imageKey);
    await session.indexImage(image);
    await session.warmContents(image);
    const stack = session.layerStack(image);
    const source = {
      layerCount: stack.topLayer + 1,
      changes: (n: number) => stack.changes(n),
      imageFs: stack.imageFs.bind(stack),
    };
    const per = await packagesPerLayer(source, (l, e, o, n) => session.readEntry(image, l, e, o, n), {
      sqlite: { locateFile: () => sqlWasmUrl },
    });
    return per.map((p) => ({
      index: p.index,
      createdBy: image.history.find((h) => h.layerIndex === p.index)?.createdBy ?? '',
      dbChanged: p.dbChanged,
      installed: p.installed,
      removed: p.removed,
      upgraded: p.upgraded,
      packageCount: p.packages.length,
    }));
  }

  async run(request: PackagesRequest): Promise<unknown> {
    if (request.type === 'package-layers') return this.layers(request.archiveId, request.imageKey);
    const loaded = await this.load(request.archiveId, request.imageKey);
    if (request.type === 'owners') {
      // Tree rows: the owning package's name per path (merged /usr resolved), null when none.
      const out: Record<string, string | null> = {};
      for (const path of request.paths.slice(0, 5000))
        out[path] = (await (await loaded.owners()).ownerOf(path)).package?.name ?? null;
      return out;
    }
    if (request.type === 'sbom') {
      const image = this.session(request.archiveId).image(request.imageKey);
      return JSON.stringify(
        toCycloneDx(
          loaded.packages,
          { id: image.id, names: imageDisplayNames(image.rawNames).full },
          { serialNumber: `urn:uuid:${crypto.randomUUID()}`, timestamp: new Date().toISOString() },
        ),
        null,
        2,
      );
    }
    switch (request.type) {
      case 'packages':
        return loaded.view;
      case 'package-files':
        return (
          loaded.packages
            .find((p) => p.name === request.name && p.arch === request.arch)
            ?.files.map((f) => f.path) ?? []
        );
      case 'owner': {
        const result = await (await loaded.owners()).ownerOf(request.path);
        const view: OwnerView = {
          path: result.path,
          canonicalPath: result.canonicalPath,
          owners: result.owners.map((o) => ({
            name: o.name,
            version: o.version,
            arch: o.arch,
            manager: o.manager,
          })),
          viaSymlink: result.match === 'symlink-target' ? result.targetPath : null,
        };
        return view;
      }
    }
  }
}
