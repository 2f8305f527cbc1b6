/**
 * What diff, ci, ls, cat and export share: open one image, index every layer, build its layer
 * stack, and read `--layer N` (0-based, the index `strata diff --json` prints) against it.
 */
import type { ArchiveSession, ImageRecord, LayerStack } from '../../core';
import { InputError, UsageError, type CliIo } from '../cli-io';
import { flagValue, type ParsedArgs } from '../args';
import { openImage } from '../open-image';
import type { FileSource } from '../node-env';

export interface OpenedStack {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly source: FileSource;
  readonly stack: LayerStack;
}

/** Opens, indexes and stacks the picked image; the caller closes `source`. */
export async function openStack(archive: string, parsed: ParsedArgs): Promise<OpenedStack> {
  const { session, image, source } = await openImage(
    archive,
    flagValue(parsed, '--image'),
    flagValue(parsed, '--platform'),
  );
  try {
    await session.indexImage(image);
    const stack = session.layerStack(image);
    if (stack.layerCount === 0) throw new InputError(`${archive}: the image has no layers.`);
    return { session, image, source, stack };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/** The layer named by --layer, or the top layer; a value outside the stack is bad usage. */
export function layerOption(parsed: ParsedArgs, stack: LayerStack): number {
  const value = flagValue(parsed, '--layer');
  if (value === undefined) return stack.topLayer;
  const n = Number(value);
  if (!/^[0-9]+$/.test(value.trim()) || n > stack.topLayer) {
    throw new UsageError(
      `--layer ${value} does not name a layer: this image has layers 0 to ${stack.topLayer} (0 is the base).`,
    );
  }
  return n;
}

/** Layers that could not be read count as empty: say so once per layer, on stderr. */
export function warnUnreadLayers(opened: OpenedStack, io: CliIo): void {
  for (const layer of opened.image.layers) {
    const status = opened.session.status(layer);
    if (status.state === 'failed' || status.state === 'absent')
      io.stderr(`warning: layer ${layer.index} is shown empty: ${status.error ?? status.state}\n`);
  }
  for (const w of opened.stack.warnings) io.stderr(`warning: layer ${w.layer}: ${w.path}: ${w.message}\n`);
}
