/**
 * The Files view's tree pages: the merged tree at a layer, or what a layer (a range of layers, or an
 * image against another) changed, optionally filtered by what each file's first bytes say.
 */
import type { ImageRecord } from '../image/model';
import { compareTrees } from '../layers';
import type { ArchiveSession } from '../session/archive-session';
import {
  ChangeTree,
  LayerChangeTree,
  mergedTreePage,
  type ChangeCounts,
  type TreePage,
  type TreeRequest,
} from '../session/files-view';
import { filterByContent } from './tree-by-content';

/** Which tree: the merged tree at a layer, or what a layer range (or an image against another) changed. */
export interface TreeScope {
  readonly layer: number;
  readonly mode: 'merged' | 'changes';
  /** Changes of layers from..to as one change set (changes mode). Defaults to layer..layer. */
  readonly from?: number;
  /** Compare this image's final tree with another open image's (changes mode). */
  readonly base?: { readonly archiveId: string; readonly imageKey: string };
}

export type { ChangeCounts };

export interface TreeResult {
  readonly page: TreePage;
  readonly counts: ChangeCounts | null;
}

/** An indexed image of an open archive; `id` names it among the open archives. */
export interface TreeImage {
  readonly id: string;
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
}

/** Change trees kept: building one walks a whole change set, and the page asks for many pages of one. */
const KEPT_TREES = 16;

export class TreeViews {
  private readonly trees = new Map<string, ChangeTree | LayerChangeTree>();

  /** One page of the scope's tree; `base` is the image a compare scope names. */
  async page(
    target: TreeImage,
    scope: TreeScope,
    request: TreeRequest,
    base?: TreeImage,
  ): Promise<TreeResult> {
    const { content, ...filter } = request.filter ?? {};
    if (!content?.length) return this.plainPage(target, scope, request, base);
    const whole = await this.plainPage(
      target,
      scope,
      { ...request, offset: 0, limit: Number.MAX_SAFE_INTEGER, filter },
      base,
    );
    const { session, image } = target;
    await session.warmContents(image);
    const fs = session.layerStack(image).imageFs(scope.layer, session.contentReader(image));
    return { page: await filterByContent(whole.page, fs, content, request), counts: whole.counts };
  }

  private async plainPage(
    { id, session, image }: TreeImage,
    scope: TreeScope,
    request: TreeRequest,
    base: TreeImage | undefined,
  ): Promise<TreeResult> {
    const stack = session.layerStack(image);
    if (scope.mode === 'merged') {
      // A directory absent at this layer (expanded at another one) is simply empty here.
      const page = mergedTreePage(stack, scope.layer, request) ?? {
        path: request.path,
        total: 0,
        offset: 0,
        rows: [],
      };
      return { page, counts: null };
    }
    const key = `${id}|${scope.from ?? scope.layer}|${scope.layer}|${base ? base.id : ''}`;
    let tree = this.trees.get(key);
    if (!tree) {
      if (base) {
        // The base may be an image nobody has shown yet: index it first (its layers are shared when equal).
        await base.session.indexImage(base.image);
        tree = new ChangeTree(compareTrees(base.session.layerStack(base.image), stack));
      } else {
        const from = scope.from ?? scope.layer;
        tree = new LayerChangeTree(
          stack.changeDirs(Math.min(from, scope.layer), Math.max(from, scope.layer)),
        );
      }
      if (this.trees.size > KEPT_TREES) this.trees.delete(this.trees.keys().next().value!);
      this.trees.set(key, tree);
    }
    return { page: tree.page(stack, base ? stack.topLayer : scope.layer, request), counts: tree.counts };
  }
}
