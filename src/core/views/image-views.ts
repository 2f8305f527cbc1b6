/**
 * The views of one opened archive, assembled here so the worker's handlers and the CLI stay thin.
 * Each image's package databases and its owner index are read once per layer and shared by every
 * view that needs them (Packages, Linkage, blast radius); reads go through the session's one content
 * cache after one warming pass per layer.
 */
import type { ImageRecord } from '../image/model';
import type { ImageFs } from '../model/image-fs';
import type { LayerStack } from '../layers';
import { isCopyrightPath, readPackageLicenses } from '../packages/dpkg-licenses';
import { buildOwnerIndex, type OwnerIndex } from '../packages/owner-index';
import { readPackageDbs } from '../packages/package-dbs';
import { packagesPerLayer } from '../packages/layer-packages';
import type { InstalledPackage, PackageDb } from '../packages/package-types';
import type { SqliteOptions } from '../packages/rpm-sqlite';
import type { ArchiveSession } from '../session/archive-session';
import type { LinkProgress } from '../linkage/link-types';
import {
  buildLinkageView,
  forceLayout,
  type GraphLayout,
  type GraphPositions,
  type LinkageView,
} from './linkage-view';
import {
  layerPackageChanges,
  licensesView,
  packagesView,
  type LayerPackageChanges,
  type PackageLicenses,
  type PackageList,
} from './package-views';
import { SharedRuns, type RunOptions } from './shared-runs';
import { buildWasteView, type WasteSummary } from './waste-view';

export interface ViewOptions {
  /** Where sql.js finds its wasm (a bundled worker must say; Node finds it beside the script). */
  readonly sqlite?: SqliteOptions;
  /** The layout of the force-laid canvas of every object; d3-force when absent. */
  readonly layout?: GraphLayout;
}

/** An image's merged tree at one layer, read through the session's content cache. */
export interface LayerTree {
  readonly stack: LayerStack;
  readonly layer: number;
  readonly fs: ImageFs;
}

export interface ImagePackages {
  readonly dbs: readonly PackageDb[];
  readonly packages: readonly InstalledPackage[];
  readonly view: PackageList;
}

export interface ImageLicenses {
  readonly byPackage: ReadonlyMap<InstalledPackage, readonly string[]>;
  readonly view: PackageLicenses;
}

export interface ImageLinkage extends LinkageView, LayerTree {
  readonly owners: OwnerIndex | null;
}

export class ImageViews {
  private readonly packageDbs = new Map<string, Promise<ImagePackages>>();
  private readonly ownerIndexes = new Map<string, Promise<OwnerIndex>>();
  private readonly licenses = new Map<string, Promise<ImageLicenses>>();
  private readonly linkages = new SharedRuns<ImageLinkage, LinkProgress>();
  private readonly layouts = new Map<string, Promise<GraphPositions>>();

  constructor(
    readonly session: ArchiveSession,
    private readonly options: ViewOptions = {},
  ) {}

  /** The image indexed and warmed, and its merged tree at `at` (the top layer when null). */
  async tree(image: ImageRecord, at: number | null = null): Promise<LayerTree> {
    await this.session.indexImage(image);
    await this.session.warmContents(image);
    const stack = this.session.layerStack(image);
    const layer = at === null ? stack.topLayer : Math.max(0, Math.min(at, stack.topLayer));
    return { stack, layer, fs: stack.imageFs(layer, this.session.contentReader(image)) };
  }

  /** The package databases at a layer (the top when null), read once. */
  packages(image: ImageRecord, at: number | null = null): Promise<ImagePackages> {
    return once(this.packageDbs, key(image, at), async () => {
      const { fs } = await this.tree(image, at);
      const { dbs, errors } = await readPackageDbs(fs, this.sqlite());
      return { dbs, packages: dbs.flatMap((db) => db.packages), view: packagesView(dbs, errors) };
    });
  }

  /**
   * Each package's licence names at a layer, read on first use only (dpkg's come from one copyright
   * file per package, fetched together per layer), so the package list never waits for them.
   */
  packageLicenses(image: ImageRecord, at: number | null = null): Promise<ImageLicenses> {
    return once(this.licenses, key(image, at), async () => {
      const [{ stack, layer }, { packages }] = await Promise.all([
        this.tree(image, at),
        this.packages(image, at),
      ]);
      const fs = stack.imageFs(layer, this.session.contentReader(image, { batch: isCopyrightPath }));
      const byPackage = await readPackageLicenses(fs, packages);
      return { byPackage, view: licensesView(byPackage) };
    });
  }

  /** The owner index at a layer, built on first use: the package list answers without waiting for it. */
  owners(image: ImageRecord, at: number | null = null): Promise<OwnerIndex> {
    return once(this.ownerIndexes, key(image, at), async () => {
      const [{ fs }, { dbs }] = await Promise.all([this.tree(image, at), this.packages(image, at)]);
      return buildOwnerIndex(fs, dbs);
    });
  }

  /**
   * The linkage graph at a layer, owned by packages where a database says so, resolved once for every caller.
   * `onProgress` follows the resolving; `signal` cancels this caller's wait (and the work, when nobody else waits).
   */
  linkage(
    image: ImageRecord,
    at: number | null = null,
    options: RunOptions<LinkProgress> = {},
  ): Promise<ImageLinkage> {
    return this.linkages.run(
      key(image, at),
      async (signal, onProgress) => {
        const tree = await this.tree(image, at);
        let owners: OwnerIndex | null = null;
        const problems: string[] = [];
        try {
          // Ownership is extra information here, never a reason the graph fails.
          if ((await this.packages(image, at)).dbs.length > 0) owners = await this.owners(image, at);
        } catch (error) {
          problems.push(
            `Package ownership is not shown: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const view = await buildLinkageView({ image, ...tree, owners, problems, signal, onProgress });
        return { ...view, ...tree, owners };
      },
      options,
    );
  }

  /** The force layout of every object of the linkage graph at a layer: only the force-laid canvas asks. */
  forceLayout(image: ImageRecord, at: number | null = null): Promise<GraphPositions> {
    return once(this.layouts, key(image, at), async () => {
      const { data } = await this.linkage(image, at);
      return forceLayout(data, this.options.layout);
    });
  }

  /** What each layer installed, removed or upgraded: databases re-read only where a layer touched them. */
  async layerPackages(image: ImageRecord): Promise<LayerPackageChanges[]> {
    const { stack } = await this.tree(image);
    const source = {
      layerCount: stack.topLayer + 1,
      changes: (n: number) => stack.changes(n),
      changeTable: (n: number) => stack.changeTable(n),
      imageFs: stack.imageFs.bind(stack),
    };
    const perLayer = await packagesPerLayer(source, this.session.contentReader(image), this.sqlite());
    return layerPackageChanges(image, perLayer);
  }

  waste(image: ImageRecord): WasteSummary {
    return buildWasteView(this.session, image);
  }

  private sqlite(): { sqlite?: SqliteOptions } {
    return this.options.sqlite ? { sqlite: this.options.sqlite } : {};
  }
}

function key(image: ImageRecord, at: number | null): string {
  return `${image.key}|${at ?? image.layers.length - 1}`;
}

/** One computation per image and layer, shared by every caller; a failure is not kept. */
function once<T>(cache: Map<string, Promise<T>>, id: string, make: () => Promise<T>): Promise<T> {
  let hit = cache.get(id);
  if (!hit) {
    hit = make();
    cache.set(id, hit);
    hit.catch(() => cache.delete(id));
  }
  return hit;
}
