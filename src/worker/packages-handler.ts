/**
 * Package databases of the shown image, read once from its final merged tree and kept with an
 * owner index: the Packages view, package file lists, and the owner of any path.
 */
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import {
  buildOwnerIndex,
  fullVersion,
  readPackageDbs,
  type ArchiveSession,
  type InstalledPackage,
  type OwnerIndex,
} from '../core';
import type { OwnerView, PackagesRequest, PackagesView } from '../protocol/packages';

interface ImagePackages {
  readonly view: PackagesView;
  readonly packages: readonly InstalledPackage[];
  readonly owners: OwnerIndex;
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
    return { view, packages, owners: await buildOwnerIndex(fs, dbs) };
  }

  async run(request: PackagesRequest): Promise<unknown> {
    const loaded = await this.load(request.archiveId, request.imageKey);
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
        const result = await loaded.owners.ownerOf(request.path);
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
