/** Messages of the Compare view: two open images (any archives), old against new. */
import type { CompareJson, DiffStatus } from '../core';

export interface CompareImageRef {
  readonly archiveId: string;
  readonly imageKey: string;
}

export interface DiffGraphNodeView {
  readonly path: string;
  readonly kind: string;
  readonly status: DiffStatus;
  readonly x: number;
  readonly y: number;
}

export interface CompareView {
  /** The same JSON `strata compare --json` prints. */
  readonly result: CompareJson;
  /** The same Markdown `strata compare --format markdown` prints. */
  readonly markdown: string;
  /** The summary line: size delta, packages, new ELF objects, new unresolved libraries. */
  readonly summary: string;
  /** Sentences about what could not be read. */
  readonly warnings: readonly string[];
  /** The linkage change, laid out in the worker. */
  readonly graph: {
    readonly nodes: readonly DiffGraphNodeView[];
    readonly edges: readonly {
      readonly source: number;
      readonly target: number;
      readonly status: DiffStatus;
    }[];
    readonly omittedNodes: number;
  };
}

export type CompareRequest = {
  readonly type: 'compare';
  readonly old: CompareImageRef;
  readonly new: CompareImageRef;
};
export { DIFF_COLOURS } from '../core';
export type { CompareJson } from '../core';
