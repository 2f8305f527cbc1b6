/** The Names view's requests: resolve a name against every open archive, and the base layers two images share. */
import {
  buildReport,
  DEFAULT_REGISTRIES_CONF,
  describeImage,
  imageDisplayNames,
  parseRegistriesConf,
  type ImageRecord,
} from '../core';
import type { SharedWith } from '../protocol/names';
import type { HandlerTable } from './handler-types';

/**
 * Two images share their first n layers when their first n diff_ids are equal: that is exactly
 * when their first n chain IDs are (ChainID(L0…Ln) hashes the diff_ids in order, config.md).
 */
export function sharedPrefix(a: ImageRecord, b: ImageRecord): number {
  let n = 0;
  while (
    n < a.layers.length &&
    n < b.layers.length &&
    a.layers[n]!.diffId !== null &&
    a.layers[n]!.diffId === b.layers[n]!.diffId
  )
    n++;
  return n;
}

export function namesHandlers(): HandlerTable<'resolve' | 'shared-layers'> {
  return {
    resolve: (request, { archives }) => {
      const images = archives.all().flatMap(({ session }) => session.info.images);
      const conf = parseRegistriesConf(request.registriesConf);
      const confError = 'kind' in conf ? conf.message : null;
      const confErrorSentence = 'kind' in conf ? conf.sentence : null;
      const names = [...new Set(images.flatMap((i) => imageDisplayNames(i.rawNames).full))];
      const ids = [...new Set(images.map((i) => i.id))];
      const registries = 'kind' in conf ? DEFAULT_REGISTRIES_CONF : conf;
      const report = buildReport(request.name, request.engine, registries, { names, ids });
      return { report, confError, confErrorSentence, openNames: names };
    },

    'shared-layers': (request, { archives }) => {
      // An archive closed meanwhile shares nothing.
      const self = archives.find(request.archiveId)?.session.image(request.imageKey);
      if (!self) return [];
      const out: SharedWith[] = [];
      for (const { archiveId, fileName, session } of archives.all()) {
        for (const other of session.info.images) {
          if (archiveId === request.archiveId && other.key === request.imageKey) continue;
          const count = sharedPrefix(self, other);
          if (count > 0)
            out.push({
              archiveId,
              fileName,
              imageKey: other.key,
              label: describeImage(other),
              count,
              otherLayerCount: other.layers.length,
            });
        }
      }
      return out.sort((a, b) => b.count - a.count);
    },
  };
}
