/** How `strata resolve --archive` lists the names and IDs of the images in an archive. */
import { imageDisplayNames, type ArchiveNames } from '../../core';
import { openSession } from '../open-image';

export async function listArchiveNames(path: string): Promise<ArchiveNames> {
  const { session, source } = await openSession(path);
  try {
    const images = session.info.images;
    return {
      names: [...new Set(images.flatMap((i) => imageDisplayNames(i.rawNames).full))],
      ids: [...new Set(images.map((i) => i.id))],
    };
  } finally {
    await source.close();
  }
}
