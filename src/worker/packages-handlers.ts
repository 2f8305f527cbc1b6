/** The Packages view's requests: installed packages, their files, owners, per-layer changes, the SBOM. */
import { imageDisplayNames, ownerView, toCycloneDx } from '../core';
import type { HandlerTable } from './handler-types';

/** Owners are looked up for the visible tree rows: never more than this many paths at once. */
const MAX_OWNER_PATHS = 5000;

export function packagesHandlers(): HandlerTable<
  'packages' | 'package-files' | 'owner' | 'owners' | 'package-layers' | 'package-licenses' | 'sbom'
> {
  return {
    packages: async (request, { archives }) => {
      const { views, image } = archives.image(request);
      return (await views.packages(image)).view;
    },

    'package-files': async (request, { archives }) => {
      const { views, image } = archives.image(request);
      const { packages } = await views.packages(image);
      return (
        packages.find((p) => p.name === request.name && p.arch === request.arch)?.files.map((f) => f.path) ??
        []
      );
    },

    owner: async (request, { archives }) => {
      const { views, image } = archives.image(request);
      return ownerView(await (await views.owners(image)).ownerOf(request.path));
    },

    owners: async (request, { archives }) => {
      const { views, image } = archives.image(request);
      const owners = await views.owners(image);
      // Tree rows: the owning package's name per path (merged /usr resolved), null when none.
      const out: Record<string, string | null> = {};
      for (const path of request.paths.slice(0, MAX_OWNER_PATHS))
        out[path] = (await owners.ownerOf(path)).package?.name ?? null;
      return out;
    },

    'package-layers': (request, { archives }) => {
      const { views, image } = archives.image(request);
      return views.layerPackages(image);
    },

    'package-licenses': async (request, { archives }) => {
      const { views, image } = archives.image(request);
      return (await views.packageLicenses(image)).view;
    },

    sbom: async (request, { archives }) => {
      const { views, image } = archives.image(request);
      const [{ packages }, licenses] = await Promise.all([
        views.packages(image),
        views.packageLicenses(image),
      ]);
      const bom = toCycloneDx(
        packages,
        { id: image.id, names: imageDisplayNames(image.rawNames).full },
        {
          serialNumber: `urn:uuid:${crypto.randomUUID()}`,
          timestamp: new Date().toISOString(),
          licenses: licenses.byPackage,
        },
      );
      return JSON.stringify(bom, null, 2);
    },
  };
}
