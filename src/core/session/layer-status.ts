/** A layer's state in an opened archive, and what its finished index pass says about it. */
import type { LayerRef } from '../image/model';
import type { LayerTable } from '../archive/index-layer';
import { renderSentence, type Sentence } from '../archive/archive-error';

export type LayerState = 'pending' | 'indexing' | 'done' | 'failed' | 'absent';

export interface LayerStatus {
  readonly state: LayerState;
  readonly index: LayerTable | undefined;
  /** Why it failed or is absent, as a sentence. */
  readonly error: string | undefined;
  /** The same by its sentence's name, when it has one, for the page's language. */
  readonly errorSentence?: Sentence;
  /** diff_id verified: true/false once indexed, null when not (yet) computed. */
  readonly verified: boolean | null;
  readonly warnings: readonly string[];
  /** Each warning's sentence by name, where it has one (null where not), for the page's language. */
  readonly warningSentences?: readonly (Sentence | null)[];
  readonly decodedBytes: number;
  /** Stored bytes of the blob read so far (its whole size once indexed), for progress. */
  readonly readBytes: number;
}

/**
 * A layer indexed: its stored size, digest and diff_id checked against what the image declares, each
 * mismatch by its sentence's name, the tar reader's own warnings after them.
 */
export function verifiedStatus(layer: LayerRef, index: LayerTable): LayerStatus {
  const named: Sentence[] = [];
  let verified: boolean | null = null;
  if (layer.declaredSize !== null && layer.declaredSize !== index.storedSize)
    named.push({
      name: 'layer-size-mismatch',
      params: { size: index.storedSize, declared: layer.declaredSize },
    });
  if (layer.digest && layer.digest.startsWith('sha256:') && layer.digest !== index.digest)
    named.push({ name: 'layer-digest-mismatch', params: { digest: index.digest, expected: layer.digest } });
  if (layer.diffId) {
    verified = layer.diffId === index.diffId;
    if (!verified) {
      const chunked = Object.keys(layer.annotations).some((k) => k.includes('zstd-chunked'));
      named.push(
        chunked
          ? { name: 'layer-diff-id-chunked', params: { diffId: index.diffId } }
          : { name: 'layer-diff-id-mismatch', params: { diffId: index.diffId, expected: layer.diffId } },
      );
    }
  }
  const warnings = [...named.map((s) => renderSentence(s.name, s.params)), ...index.warnings];
  return {
    state: 'done',
    index,
    error: undefined,
    verified,
    warnings,
    warningSentences: [...named, ...index.warnings.map((_, i) => index.warningSentences?.[i] ?? null)],
    decodedBytes: index.size,
    readBytes: index.storedSize,
  };
}
