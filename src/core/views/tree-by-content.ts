/**
 * The Files view's content filter (ELF, #! script, text): it needs each file's first bytes, so it
 * filters a directory's whole page by reading the heads (a warmed image keeps them), then pages.
 */
import type { ImageFs } from '../model/image-fs';
import { contentKindOf, type ContentKind } from '../model/content-kind';
import type { TreePage } from '../session/files-view';

/** Bytes enough for any magic number contentKindOf knows. */
const HEAD = 64;

export async function filterByContent(
  whole: TreePage,
  fs: ImageFs,
  kinds: readonly ContentKind[],
  page: { readonly offset: number; readonly limit: number },
): Promise<TreePage> {
  const kept = [];
  for (const row of whole.rows) {
    // Directories stay (their files may match); what a layer removed has no bytes to read.
    if (row.kind === 'dir' || row.change === 'removed') {
      kept.push(row);
      continue;
    }
    if (row.kind !== 'file' && row.kind !== 'hardlink') continue;
    const head = await fs.read(row.path, 0, HEAD);
    const kind = head ? contentKindOf(head) : 'binary';
    if (kind !== 'binary' && kinds.includes(kind)) kept.push(row);
  }
  return {
    ...whole,
    total: kept.length,
    offset: page.offset,
    rows: kept.slice(page.offset, page.offset + page.limit),
  };
}
