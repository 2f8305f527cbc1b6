/**
 * The worker's whole logic, free of worker globals so it also runs in the page's own thread (tests, fallback;
 * docs/conventions.md#every-worker-path-runs-without-a-worker): receive a request → call the core → post
 * progress and a result. It keeps the opened archives; the page only ever sees summaries and views.
 */
import {
  AbortedError,
  ArchiveError,
  ArchiveSession,
  historyRows,
  imageNames,
  inspectImage,
  pickImage,
  platformString,
  type CoreEnv,
  type ImageRecord,
} from '../core';
import {
  PROTOCOL_VERSION,
  type ArchiveSummary,
  type ImageView,
  type Progress,
  type Request,
  type Response,
  type WireError,
} from '../protocol/messages';
import { blobSource } from './web-env';
import { FilesHandler } from './files-handler';
import { handleNames } from './names-handler';
import { PackagesHandler } from './packages-handler';
import { LinkageHandler } from './linkage-handler';

export type Post = (response: Response) => void;

export class WorkerHandler {
  private readonly sessions = new Map<string, ArchiveSession>();
  private readonly fileNames = new Map<string, string>();
  private readonly files = new FilesHandler((archiveId) => this.session(archiveId));
  private readonly packages = new PackagesHandler((archiveId) => this.session(archiveId));
  private readonly linkage = new LinkageHandler((archiveId) => this.session(archiveId));
  private readonly running = new Map<number, AbortController>();
  private nextArchive = 1;

  constructor(
    private readonly env: CoreEnv,
    private readonly post: Post,
  ) {}

  handle(request: Request): void {
    if (request.version !== PROTOCOL_VERSION) {
      this.post({
        type: 'error',
        id: request.id,
        error: {
          code: 'protocol',
          message: 'The page and its worker are different versions; reload the page.',
        },
      });
      return;
    }
    if (request.type === 'cancel') {
      this.running.get(request.target)?.abort();
      return;
    }
    const controller = new AbortController();
    this.running.set(request.id, controller);
    this.run(request, controller.signal)
      .then((value) => this.post({ type: 'result', id: request.id, value }))
      .catch((error: unknown) => this.post({ type: 'error', id: request.id, error: toWire(error) }))
      .finally(() => this.running.delete(request.id));
  }

  private async run(request: Exclude<Request, { type: 'cancel' }>, signal: AbortSignal): Promise<unknown> {
    switch (request.type) {
      case 'open':
        return this.open(request.id, request.file, request.name, signal);
      case 'index-image':
        return this.indexImage(request.id, request.archiveId, request.imageKey, signal);
      case 'image-view': {
        const session = this.session(request.archiveId);
        return view(session, session.image(request.imageKey));
      }
      case 'close':
        this.sessions.delete(request.archiveId);
        return null;
      case 'resolve':
      case 'shared-layers':
        return handleNames(request, () => this.openSessions());
      case 'link-graph':
      case 'ldd':
        return this.linkage.run(request);
      case 'blast-radius':
        return this.linkage.blast(request.query, this.openSessions());
      case 'packages':
      case 'package-layers':
      case 'owners':
      case 'sbom':
      case 'package-files':
      case 'owner':
        return this.packages.run(request);
      default:
        return this.files.run(request, signal);
    }
  }

  private openSessions(): Map<string, { session: ArchiveSession; fileName: string }> {
    return new Map(
      [...this.sessions].map(([id, session]) => [id, { session, fileName: this.fileNames.get(id) ?? id }]),
    );
  }

  private session(archiveId: string): ArchiveSession {
    const session = this.sessions.get(archiveId);
    if (!session) throw new ArchiveError('no-such-image', 'That archive is no longer open; drop it again.');
    return session;
  }

  private progress(id: number, progress: Progress): void {
    this.post({ type: 'progress', id, progress });
  }

  private async open(id: number, file: Blob, name: string, signal: AbortSignal): Promise<ArchiveSummary> {
    const session = await ArchiveSession.open(blobSource(file, name), this.env, {
      signal,
      onProgress: (p) =>
        this.progress(id, {
          phase: 'scanning',
          bytesRead: p.bytesRead,
          totalBytes: p.totalBytes,
          layers: [],
        }),
    });
    const archiveId = `a${this.nextArchive++}`;
    this.sessions.set(archiveId, session);
    this.fileNames.set(archiveId, name);
    const info = session.info;
    const pick = pickImage(info);
    return {
      archiveId,
      fileName: name,
      fileSize: file.size,
      compression: session.scan.compression,
      format: info.format,
      formatLabel: info.formatLabel,
      images: info.images.map((image) => {
        const names = imageNames(image.rawNames);
        return {
          key: image.key,
          id: image.id,
          names: names.full,
          bareTags: names.bareTags,
          platform: image.platform,
          layerCount: image.layers.length,
          historyCount: image.history.length,
        };
      }),
      notIncluded: info.notIncluded.map((n) => ({
        names: imageNames(n.names).full,
        platform: platformString(n.platform),
        digest: n.digest,
      })),
      artifacts: info.artifacts,
      warnings: info.warnings,
      defaultImageKey:
        'image' in pick ? pick.image.key : info.images.length === 1 ? info.images[0]!.key : null,
    };
  }

  private async indexImage(
    id: number,
    archiveId: string,
    imageKey: string,
    signal: AbortSignal,
  ): Promise<ImageView> {
    const session = this.session(archiveId);
    const image = session.image(imageKey);
    const totalBytes = session.pendingBytes(image);
    const start = session.bytesReadSoFar;
    let last = 0;
    const report = (withView: boolean) => {
      const now = Date.now();
      if (!withView && now - last < 100) return;
      last = now;
      this.progress(id, {
        phase: 'indexing',
        bytesRead: session.bytesReadSoFar - start,
        totalBytes,
        layers: image.layers.map((layer) => {
          const s = session.status(layer);
          return {
            index: layer.index,
            state: s.state,
            storedBytes: s.index?.storedSize ?? 0,
            decodedBytes: s.decodedBytes,
          };
        }),
        ...(withView ? { view: view(session, image, false) } : {}),
      });
    };
    report(true);
    await session.indexImage(image, { signal, onLayer: () => report(true), onBytes: () => report(false) });
    // While the user looks at the layers, read once more what the Linkage and Packages views need, so
    // their first paint does not wait for it. Nobody waits on this; a view that needs it joins it.
    setTimeout(() => void session.warmContents(image).catch(() => undefined), 0);
    return view(session, image);
  }
}

function view(session: ArchiveSession, image: ImageRecord, complete = true): ImageView {
  return {
    imageKey: image.key,
    history: historyRows(session, image),
    inspect: inspectImage(session, image),
    complete,
  };
}

function toWire(error: unknown): WireError {
  if (error instanceof AbortedError) return { code: 'cancelled', message: 'Cancelled.' };
  if (error instanceof ArchiveError) return { code: error.code, message: error.message };
  // Anything else is a bug or an environment failure: still a sentence, never a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `strata could not read this file: ${message}` };
}
