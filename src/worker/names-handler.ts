/** Name resolution against every open archive, and the base layers two images share. */
import {
  buildReport,
  DEFAULT_REGISTRIES_CONF,
  describeImage,
  imageDisplayNames,
  parseRegistriesConf,
  type ArchiveSession,
  type ImageRecord,
} from '../core';
import type { NamesRequest, ResolveResult, SharedWith } from '../protocol/names';

export type OpenSessions = () => ReadonlyMap<string, { session: ArchiveSession; fileName: string }>;

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

export function handleNames(request: NamesRequest, sessions: OpenSessions): ResolveResult | SharedWith[] {
  const open = [...sessions().values()];
  if (request.type === 'resolve') {
    const conf = parseRegistriesConf(request.registriesConf);
    const confError = 'kind' in conf ? conf.message : null;
    const names = [
      ...new Set(
        open.flatMap(({ session }) => session.info.images.flatMap((i) => imageDisplayNames(i.rawNames).full)),
      ),
    ];
    const ids = [...new Set(open.flatMap(({ session }) => session.info.images.map((i) => i.id)))];
    const report = buildReport(
      request.name,
      request.engine,
      'kind' in conf ? DEFAULT_REGISTRIES_CONF : conf,
      { names, ids },
    );
    return { report, confError, openNames: names };
  }
  const self = sessions().get(request.archiveId)?.session.image(request.imageKey);
  if (!self) return [];
  const out: SharedWith[] = [];
  for (const [archiveId, { session, fileName }] of sessions()) {
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
}
