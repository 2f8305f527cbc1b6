/**
 * The archives open in the worker, by the id the page gave each when opening it, with each one's
 * views (core/views): what every handler looks an archive and an image up in.
 */
import { ArchiveError, ImageViews, type ArchiveSession, type ImageRecord, type ViewOptions } from '../core';
import type { ImageTarget } from '../protocol/request-map';

export interface OpenArchive {
  readonly archiveId: string;
  readonly fileName: string;
  readonly session: ArchiveSession;
  readonly views: ImageViews;
}

export interface OpenImage extends OpenArchive {
  readonly image: ImageRecord;
}

export class OpenArchives {
  private readonly open = new Map<string, OpenArchive>();

  constructor(private readonly viewOptions: ViewOptions) {}

  add(archiveId: string, fileName: string, session: ArchiveSession): OpenArchive {
    const archive = { archiveId, fileName, session, views: new ImageViews(session, this.viewOptions) };
    this.open.set(archiveId, archive);
    return archive;
  }

  close(archiveId: string): void {
    const archive = this.open.get(archiveId);
    this.open.delete(archiveId);
    // A compressed archive's decoded copy goes with it; nobody waits on the deletion.
    void archive?.session.close().catch(() => undefined);
  }

  find(archiveId: string): OpenArchive | undefined {
    return this.open.get(archiveId);
  }

  get(archiveId: string): OpenArchive {
    const archive = this.open.get(archiveId);
    if (!archive) throw ArchiveError.of('no-such-image', 'archive-closed');
    return archive;
  }

  image(target: ImageTarget): OpenImage {
    const archive = this.get(target.archiveId);
    return { ...archive, image: archive.session.image(target.imageKey) };
  }

  /** Every open archive, in the order they were opened. */
  all(): OpenArchive[] {
    return [...this.open.values()];
  }
}
