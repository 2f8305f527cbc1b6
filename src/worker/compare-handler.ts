/**
 * The Compare view's work: two open images (of one archive or two), each read as `strata compare` reads it
 * (core readCompareSide), compared, written as the CLI's Markdown, and the linkage change laid out here so the
 * page only draws. One result per pair, kept while the archives are open.
 */
import {
  compareImages,
  compareMarkdown,
  linkageDiffGraph,
  readCompareSide,
  summaryParts,
  type ArchiveSession,
  type CompareSide,
} from '../core';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { CompareImageRef, CompareRequest, CompareView } from '../protocol/compare';
import { layoutGraph } from './graph-layout';
import { settingsOf } from './linkage-handler';

export class CompareHandler {
  private readonly results = new Map<string, Promise<CompareView>>();

  constructor(private readonly session: (archiveId: string) => ArchiveSession) {}

  run(request: CompareRequest, signal: AbortSignal): Promise<CompareView> {
    const key = `${request.old.archiveId}|${request.old.imageKey}|${request.new.archiveId}|${request.new.imageKey}`;
    let result = this.results.get(key);
    if (!result) {
      result = this.compute(request, signal);
      this.results.set(key, result);
      result.catch(() => this.results.delete(key));
    }
    return result;
  }

  private side(ref: CompareImageRef, signal: AbortSignal): Promise<CompareSide> {
    const session = this.session(ref.archiveId);
    const image = session.image(ref.imageKey);
    return readCompareSide(session, image, {
      settings: settingsOf(image),
      sqlite: { locateFile: () => sqlWasmUrl },
      signal,
    });
  }

  private async compute(request: CompareRequest, signal: AbortSignal): Promise<CompareView> {
    const oldSide = await this.side(request.old, signal);
    const newSide = await this.side(request.new, signal);
    const result = compareImages(oldSide, newSide);
    const graph = linkageDiffGraph(oldSide.linkGraph, newSide.linkGraph, result.linkage);
    const degree = new Array<number>(graph.nodes.length).fill(0);
    for (const e of graph.edges) degree[e.target]!++;
    const positions = layoutGraph(graph.nodes.length, graph.edges, degree);
    return {
      result,
      markdown: compareMarkdown(result),
      summary: summaryParts(result).join(' · '),
      warnings: [
        ...oldSide.warnings.map((w) => `${oldSide.name} (old): ${w}`),
        ...newSide.warnings.map((w) => `${newSide.name} (new): ${w}`),
      ],
      graph: {
        nodes: graph.nodes.map((n, i) => ({ ...n, x: positions[i]!.x, y: positions[i]!.y })),
        edges: graph.edges,
        omittedNodes: graph.omittedNodes,
      },
    };
  }
}
