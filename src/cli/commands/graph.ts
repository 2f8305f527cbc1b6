/**
 * `strata graph [--image NAME] [--layer N] [--mode loads|loaded-by] [--edges tree|all] [--color layer|package]
 * [--format json|dot|svg|png|mermaid|markdown] [--theme light|dark] [-o FILE] ARCHIVE [PATH]`.
 *
 * Without PATH: the whole image's link graph (one emulated process per executable, see resolveLinkGraph) as
 * versioned JSON or DOT, and as a picture the overview grouped by package. With PATH (an ELF file or a SONAME):
 * the focused graph of that object, drawn by the same core code as the page (src/core/linkage/picture).
 */
import { writeFileSync } from 'node:fs';
import {
  buildPicture,
  displayNameList,
  findObject,
  loaderSettings,
  normalizePath,
  pictureDot,
  pictureMarkdown,
  pictureMermaid,
  pictureSource,
  resolveLinkGraph,
  toGraphDot,
  toGraphJson,
  writeSvg,
  type EdgeMode,
  type FocusDirection,
  type GraphExportContext,
  type PictureMeta,
  type Theme,
} from '../../core';
import { InputError, UsageError, type CliIo, type Command } from '../cli-io';
import { flagValue, parseArgs, type ParsedArgs } from '../args';
import { layerOption, openStack, warnUnreadLayers } from './diff-stack';
import { dotEngine, svgToPng, todayText, toolVersion } from './graph-render';
import { fileOrigin, linkageFs, ownerName, readOwners } from './ldd-image';

export const GRAPH_USAGE =
  'usage: strata graph [--image NAME] [--platform OS/ARCH] [--layer N] [--mode loads|loaded-by] [--edges tree|all] [--color layer|package] [--format json|dot|svg|png|mermaid|markdown] [--theme light|dark] [-o FILE] ARCHIVE [PATH]';

const FORMATS = ['json', 'dot', 'svg', 'png', 'mermaid', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

function choice<T extends string>(parsed: ParsedArgs, flag: string, allowed: readonly T[], fallback: T): T {
  const value = flagValue(parsed, flag) ?? fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(
      `${flag} ${value} is not known: use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]!}.`,
    );
  return value as T;
}

function emit(io: CliIo, out: string | undefined, body: string | Uint8Array): void {
  if (out !== undefined) writeFileSync(out, body);
  else if (typeof body === 'string') io.stdout(body);
  else if (io.stdoutBytes) io.stdoutBytes(body);
  else throw new UsageError('A PNG is not text: write it to a file with -o FILE.');
}

export const graph: Command = async (args, io) => {
  const parsed = parseArgs(args, {
    values: ['--image', '--platform', '--layer', '--format', '--mode', '--edges', '--color', '--theme', '-o'],
  });
  const [archive, path, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new UsageError(GRAPH_USAGE);
  const format: Format = choice(parsed, '--format', FORMATS, 'json');
  const direction: FocusDirection = choice(parsed, '--mode', ['loads', 'loaded-by'] as const, 'loads');
  const edgeMode: EdgeMode = choice(parsed, '--edges', ['tree', 'all'] as const, 'tree');
  const colorBy = choice(parsed, '--color', ['layer', 'package'] as const, 'layer');
  const theme: Theme = choice(parsed, '--theme', ['light', 'dark'] as const, 'light');
  const out = flagValue(parsed, '-o');
  const opened = await openStack(archive, parsed);
  try {
    const layer = layerOption(parsed, opened.stack);
    warnUnreadLayers(opened, io);
    const fs = await linkageFs(opened, layer);
    const linkGraph = await resolveLinkGraph(fs, loaderSettings(opened.image));
    const owners = await readOwners(opened, layer, io);
    const names = displayNameList(opened.image.rawNames);
    const context: GraphExportContext = {
      image: { id: opened.image.id, names },
      layerOf: (p) => fileOrigin(opened.stack, p, layer).layer,
      packageOf: (p) => ownerName(owners, p),
    };
    if (path === undefined && (format === 'json' || format === 'dot')) {
      emit(
        io,
        out,
        format === 'dot'
          ? toGraphDot(linkGraph, context)
          : JSON.stringify(toGraphJson(linkGraph, context), null, 2) + '\n',
      );
      return 0;
    }
    const source = pictureSource(linkGraph, context);
    let focus: string | null = null;
    if (path !== undefined) {
      const absolute = path.includes('/') ? normalizePath(path.startsWith('/') ? path : `/${path}`) : path;
      const real = absolute.startsWith('/') ? ((await fs.realpath(absolute)) ?? null) : null;
      const found = findObject(source, absolute, real);
      if (!found.ok)
        throw new InputError(
          `${path} is not an ELF object of this image${found.closest.length > 0 ? `; the closest are ${found.closest.join(', ')}` : ''}.`,
        );
      focus = found.key;
    }
    const focusNode = source.objects.find((o) => o.key === focus);
    const meta: PictureMeta = {
      imageName: names[0] ?? null,
      imageId: opened.image.id,
      layer,
      topLayer: opened.stack.topLayer,
      focus:
        focusNode === undefined ? null : direction === 'loads' ? (path ?? focusNode.key) : focusNode.label,
      direction: focus === null ? 'overview' : direction,
      edgeMode,
      colorBy: focus === null ? 'package' : colorBy,
      version: toolVersion(),
      date: todayText(),
    };
    const built = buildPicture(source, { focus, direction, edgeMode }, await dotEngine());
    if (built === null) throw new InputError(`${path ?? ''} is not an ELF object of this image.`);
    const shown = built.picture.graph;
    switch (format) {
      case 'json':
        emit(io, out, JSON.stringify({ version: 1, title: meta, ...shown }, null, 2) + '\n');
        break;
      case 'dot':
        emit(io, out, pictureDot(shown, meta));
        break;
      case 'mermaid': {
        const mermaid = pictureMermaid(shown, meta);
        if (!mermaid.ok) throw new InputError(mermaid.reason);
        emit(io, out, mermaid.text);
        break;
      }
      case 'markdown':
        emit(io, out, pictureMarkdown(shown, meta));
        break;
      case 'svg':
      case 'png': {
        const svg = writeSvg(built.picture, meta, { theme, side: built.side });
        emit(io, out, format === 'svg' ? svg : await svgToPng(svg));
        break;
      }
    }
    return 0;
  } finally {
    await opened.source.close();
  }
};
