/**
 * `strata query`: what the fleet index knows, by SQL over the stored images and layers: the images,
 * the packages across them, where a file is, and which images use a layer.
 */
import type { Sql } from './sql';

export interface ImageListRow {
  readonly source: string;
  readonly id: string;
  readonly names: readonly string[];
  readonly platform: string;
  readonly created: string | null;
  readonly layers: number;
  readonly packages: number;
}

export function listImages(sql: Sql): Promise<ImageListRow[]> {
  return sql.query<ImageListRow>(
    `SELECT i.source, i.image_id AS id, i.names, i.platform, i.created, i.layer_count AS layers,
       (SELECT count(*)::int FROM image_packages p WHERE p.image = i.id) AS packages
     FROM images i ORDER BY i.source COLLATE "C", i.position`,
  );
}

export interface PackageListRow {
  readonly name: string;
  readonly version: string;
  readonly arch: string;
  readonly manager: string;
  /** Image ids holding this package at this version. */
  readonly images: readonly string[];
}

export function listPackages(sql: Sql, name?: string): Promise<PackageListRow[]> {
  return sql.query<PackageListRow>(
    `SELECT p.name, p.version, p.arch, p.manager,
       jsonb_agg(DISTINCT i.image_id ORDER BY i.image_id) AS images
     FROM image_packages p JOIN images i ON i.id = p.image
     WHERE $1::text IS NULL OR p.name = $1
     GROUP BY p.name, p.version, p.arch, p.manager
     ORDER BY p.name COLLATE "C", p.version COLLATE "C", p.arch COLLATE "C", p.manager`,
    [name ?? null],
  );
}

export interface FileRow {
  readonly source: string;
  readonly id: string;
  readonly names: readonly string[];
  /** Whether the path is there in the image's final tree. */
  readonly present: boolean;
  /** The layer (0 = base) that last added or removed the path. */
  readonly layer: number;
  readonly diffId: string;
  readonly kind: string | null;
  readonly size: number | null;
  readonly mode: number | null;
  readonly linkTarget: string | null;
}

/** The whiteout names that remove `path` (its own, and any ancestor's) and the opaque markers above it. */
function markersFor(path: string): { removals: string[]; opaque: string[] } {
  const parts = path.split('/').filter(Boolean);
  const removals: string[] = [];
  const opaque: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    removals.push(`${dir === '/' ? '' : dir}/.wh.${parts[i]!}`);
    opaque.push(`${dir === '/' ? '' : dir}/.wh..wh..opq`);
  }
  return { removals, opaque };
}

interface EventRow {
  image: number;
  source: string;
  image_id: string;
  names: string[];
  position: number;
  diff_id: string;
  path: string;
  kind: string;
  size: number;
  mode: number;
  link_target: string;
}

/**
 * Every image whose layers hold `path` (as written in the layers: symlinked directories are not
 * followed), and whether a later layer's whiteout or opaque directory removed it.
 */
export async function findFile(sql: Sql, rawPath: string): Promise<FileRow[]> {
  const path = `/${rawPath.split('/').filter(Boolean).join('/')}`;
  const { removals, opaque } = markersFor(path);
  const events = await sql.query<EventRow>(
    `SELECT i.id AS image, i.source, i.image_id, i.names, l.position, l.diff_id, e.path, e.kind,
       e.size::float8 AS size, e.mode, e.link_target
     FROM layer_entries e JOIN image_layers l ON l.diff_id = e.diff_id JOIN images i ON i.id = l.image
     WHERE e.path = $1 OR e.path = ANY($2) OR e.path = ANY($3)
     ORDER BY i.source COLLATE "C", i.position, l.position`,
    [path, removals, opaque],
  );
  const byImage = new Map<number, EventRow[]>();
  for (const e of events) {
    const list = byImage.get(e.image) ?? [];
    list.push(e);
    byImage.set(e.image, list);
  }
  const rows: FileRow[] = [];
  for (const list of byImage.values()) {
    let last: { event: EventRow; present: boolean } | undefined;
    for (const e of list) {
      const sameLayerAdd = list.some((o) => o.position === e.position && o.path === path);
      if (e.path === path) last = { event: e, present: true };
      else if (!sameLayerAdd && last?.present) last = { event: e, present: false };
    }
    if (last === undefined) continue;
    const { event, present } = last;
    rows.push({
      source: event.source,
      id: event.image_id,
      names: event.names,
      present,
      layer: event.position,
      diffId: event.diff_id,
      kind: present ? event.kind : null,
      size: present ? event.size : null,
      mode: present ? event.mode : null,
      linkTarget: present && event.link_target !== '' ? event.link_target : null,
    });
  }
  return rows;
}

export interface LayerInfo {
  readonly diffId: string;
  readonly compression: string | null;
  readonly size: number;
  readonly entries: number;
  readonly indexedAt: string;
  readonly images: readonly {
    readonly source: string;
    readonly id: string;
    readonly names: readonly string[];
    readonly layer: number;
  }[];
}

/** A layer by diff_id (`sha256:…`, or a unique prefix of 12 or more hex digits); undefined when none. */
export async function findLayer(sql: Sql, digest: string): Promise<LayerInfo[]> {
  const hex = digest.replace(/^sha256:/, '');
  const layers = await sql.query<{
    diff_id: string;
    compression: string | null;
    size: number;
    entry_count: number;
    indexed_at: Date | string;
  }>(
    `SELECT diff_id, compression, size::float8 AS size, entry_count, indexed_at FROM layers
     WHERE state = 'done' AND diff_id LIKE $1 ORDER BY diff_id`,
    [`sha256:${hex}%`],
  );
  const out: LayerInfo[] = [];
  for (const l of layers) {
    const images = await sql.query<{ source: string; id: string; names: string[]; layer: number }>(
      `SELECT i.source, i.image_id AS id, i.names, il.position AS layer
       FROM image_layers il JOIN images i ON i.id = il.image WHERE il.diff_id = $1
       ORDER BY i.source COLLATE "C", i.position, il.position`,
      [l.diff_id],
    );
    out.push({
      diffId: l.diff_id,
      compression: l.compression,
      size: l.size,
      entries: l.entry_count,
      indexedAt: new Date(l.indexed_at).toISOString(),
      images,
    });
  }
  return out;
}
