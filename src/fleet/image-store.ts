/**
 * Images in the index: one row per image of a source (an archive path or a registry reference), its
 * layers by diff_id, and what the whole stack resolves to. Re-indexing an image replaces its rows in
 * one transaction, so a job that is retried after a crash leaves one copy, never two.
 */
import { displayNameList, platformString, type ImageRecord } from '../core';
import type { ImageAnalysis } from './image-analysis';
import type { Sql } from './sql';
import { insertRows } from './sql-rows';

/** What `strata index --json` prints per image. */
export interface IndexedImage {
  readonly id: string;
  readonly names: readonly string[];
  readonly source: string;
}

/**
 * The link graph as rdeps reads it, in arrays rather than objects: nodes `[path, kind, soname, owners]`
 * (owners `[name, arch]` in the owner index's order), edges `[from, to, name, foundVia]`.
 */
export interface CompactGraph {
  readonly nodes: readonly (readonly [
    string,
    string,
    string | null,
    readonly (readonly [string, string])[],
  ])[];
  readonly edges: readonly (readonly [string, string, string, string])[];
}

function compactGraph(analysis: ImageAnalysis): CompactGraph {
  return {
    nodes: analysis.graph.nodes.map((n) => [
      n.path,
      n.kind,
      n.soname ?? null,
      (analysis.owners.get(n.path) ?? []).map((o) => [o.name, o.arch] as const),
    ]),
    edges: analysis.graph.edges.map((e) => [e.from, e.to, e.name, e.foundVia]),
  };
}

/** Whether this image of this source is already in the index (same config digest). */
export async function imageIndexed(sql: Sql, source: string, image: ImageRecord): Promise<boolean> {
  const rows = await sql.query(
    'SELECT 1 FROM images WHERE source = $1 AND image_key = $2 AND image_id = $3',
    [source, image.key, image.id],
  );
  return rows.length > 0;
}

export async function storeImage(
  sql: Sql,
  source: string,
  position: number,
  image: ImageRecord,
  diffIds: readonly string[],
  analysis: ImageAnalysis,
): Promise<IndexedImage> {
  const names = displayNameList(image.rawNames);
  await sql.transaction(async (tx) => {
    await tx.query('DELETE FROM images WHERE source = $1 AND image_key = $2', [source, image.key]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO images (source, image_key, position, image_id, raw_names, names, platform, created, config,
         layer_count, has_packages)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9::jsonb, $10, $11) RETURNING id`,
      [
        source,
        image.key,
        position,
        image.id,
        JSON.stringify(image.rawNames),
        JSON.stringify(names),
        platformString(image.platform),
        image.created,
        JSON.stringify(image.config),
        diffIds.length,
        analysis.hasPackages,
      ],
    );
    const id = row!.id;
    await insertRows(
      tx,
      'image_layers',
      ['image', id],
      diffIds.map((d, i) => ({ position: i, diff_id: d })),
      {
        position: 'integer',
        diff_id: 'text',
      },
    );
    const nodes = analysis.graph.nodes.map((n, seq) => ({
      seq,
      path: n.path,
      basename: n.path.slice(n.path.lastIndexOf('/') + 1),
      kind: n.kind,
      soname: n.soname ?? null,
      interpreter: n.interpreter ?? null,
      needed: n.needed,
      owners: analysis.owners.get(n.path) ?? [],
    }));
    await insertRows(tx, 'image_nodes', ['image', id], nodes, {
      seq: 'integer',
      path: 'text',
      basename: 'text',
      kind: 'text',
      soname: 'text',
      interpreter: 'text',
      needed: 'jsonb',
      owners: 'jsonb',
    });
    const owners = nodes.flatMap((n) => n.owners.map((o) => ({ path: n.path, name: o.name, arch: o.arch })));
    await insertRows(tx, 'image_node_owners', ['image', id], owners, {
      path: 'text',
      name: 'text',
      arch: 'text',
    });
    const edges = analysis.graph.edges.map((e, seq) => ({
      seq,
      from_path: e.from,
      to_path: e.to,
      name: e.name,
      found_via: e.foundVia,
    }));
    await insertRows(tx, 'image_edges', ['image', id], edges, {
      seq: 'integer',
      from_path: 'text',
      to_path: 'text',
      name: 'text',
      found_via: 'text',
    });
    await tx.query('INSERT INTO image_graphs (image, graph) VALUES ($1, $2)', [
      id,
      JSON.stringify(compactGraph(analysis)),
    ]);
    await insertRows(tx, 'image_packages', ['image', id], analysis.packages, {
      name: 'text',
      version: 'text',
      arch: 'text',
      manager: 'text',
    });
  });
  return { id: image.id, names, source };
}
