/**
 * Progress of an indexing run, as the page shows a load: images and layers done of those known so far,
 * bytes read and the throughput, one line per finished image on stderr.
 */
export interface Progress {
  imagesDone: number;
  imagesTotal: number;
  /** Layers of finished images (a layer shared by two images counts twice, as the total does). */
  layersDone: number;
  /** Unique layers read in this run, and those found already in the index. */
  layersIndexed: number;
  layersReused: number;
  layersTotal: number;
  bytesRead: number;
  readonly startedAt: number;
}

export function newProgress(now = Date.now()): Progress {
  return {
    imagesDone: 0,
    imagesTotal: 0,
    layersDone: 0,
    layersIndexed: 0,
    layersReused: 0,
    layersTotal: 0,
    bytesRead: 0,
    startedAt: now,
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** `[3/10 images, 12/40 layers (9 read, 3 reused), 120.4 MB at 48.2 MB/s]` */
export function formatProgress(p: Progress, now = Date.now()): string {
  const seconds = Math.max(0.001, (now - p.startedAt) / 1000);
  return (
    `[${p.imagesDone}/${p.imagesTotal} images, ${p.layersDone}/${p.layersTotal} layers ` +
    `(${p.layersIndexed} read, ${p.layersReused} reused), ` +
    `${megabytes(p.bytesRead)} MB at ${megabytes(p.bytesRead / seconds)} MB/s]`
  );
}
