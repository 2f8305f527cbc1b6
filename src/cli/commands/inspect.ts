/** `strata inspect [--image NAME] [--platform OS/ARCH[/VARIANT]] [--json] ARCHIVE`. */
import {
  formatSize,
  imageDisplayNames,
  inspectImage,
  pickImage,
  platformString,
  type InspectJson,
} from '../../core';
import { InputError, UsageError, type Command } from '../cli-io';
import { flagValue, parseArgs } from '../args';
import { openSession } from '../open-image';
import { withoutPageFields } from '../page-only';

export const inspect: Command = async (args, io) => {
  const parsed = parseArgs(args, { values: ['--image', '--platform'], booleans: ['--json'] });
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0)
    throw new UsageError(
      'usage: strata inspect [--image NAME] [--platform OS/ARCH[/VARIANT]] [--json] ARCHIVE',
    );
  const { session, source } = await openSession(archive);
  try {
    const query = flagValue(parsed, '--image');
    const platform = flagValue(parsed, '--platform');
    let images = session.info.images;
    if (query !== undefined || platform !== undefined) {
      const pick = pickImage(session.info, query, platform);
      if ('error' in pick) throw new InputError(pick.error);
      images = [pick.image];
    }
    const out: InspectJson[] = [];
    for (const image of images) {
      await session.indexImage(image);
      out.push(inspectImage(session, image));
    }
    const notIncluded = session.info.notIncluded.map((n) => ({
      names: imageDisplayNames(n.names).full,
      platform: platformString(n.platform),
      digest: n.digest,
    }));
    if (parsed.flags.has('--json')) {
      io.stdout(
        JSON.stringify(
          { format: session.info.format, images: out, notIncluded, warnings: session.info.warnings },
          withoutPageFields,
          2,
        ) + '\n',
      );
      return 0;
    }
    io.stdout(`Archive: ${archive} — ${session.info.formatLabel}\n`);
    for (const image of out) io.stdout('\n' + describe(image));
    for (const n of notIncluded)
      io.stdout(
        `\nNot included: ${n.platform} ${n.digest}${n.names.length ? ` (${n.names.join(', ')})` : ''}\n`,
      );
    for (const w of session.info.warnings) io.stderr(`warning: ${w}\n`);
    return 0;
  } finally {
    await source.close();
  }
};

function describe(image: InspectJson): string {
  const c = image.config;
  const line = (label: string, value: unknown) =>
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
      ? ''
      : `  ${label.padEnd(13)}${typeof value === 'string' ? value : JSON.stringify(value)}\n`;
  let text = `Image ${image.id}\n`;
  text += line('Names', image.names.join(', ') || '<untagged>');
  text += line('Tags', image.tags.join(', '));
  text += line('Platform', [image.os, image.architecture, image.variant].filter(Boolean).join('/'));
  text += line('Created', image.created);
  text += line('Author', image.author);
  text += line('User', c.User);
  text += line('WorkingDir', c.WorkingDir);
  text += line('Entrypoint', c.Entrypoint);
  text += line('Cmd', c.Cmd);
  text += line('StopSignal', c.StopSignal);
  text += line('ExposedPorts', c.ExposedPorts ? Object.keys(c.ExposedPorts) : undefined);
  text += line('Volumes', c.Volumes ? Object.keys(c.Volumes) : undefined);
  for (const env of Array.isArray(c.Env) ? (c.Env as unknown[]) : []) text += line('Env', env);
  for (const [k, v] of Object.entries((c.Labels as Record<string, unknown> | null | undefined) ?? {}))
    text += line('Label', `${k}=${String(v)}`);
  text += line(
    'Size',
    image.size === null
      ? undefined
      : `${formatSize(image.size)} (${image.size.toLocaleString('en')} bytes uncompressed)`,
  );
  text += line('Compressed', image.compressedSize === null ? undefined : formatSize(image.compressedSize));
  text += `  Layers\n`;
  image.layers.forEach((l, i) => {
    const v = l.verified === true ? 'verified' : l.verified === false ? 'MISMATCH' : l.state;
    text += `    ${String(i + 1).padStart(3)}  ${l.diffId ?? '?'}  ${l.compression ?? '?'}  ${l.size === null ? '?' : formatSize(l.size)}  ${v}\n`;
    for (const w of [...(l.error ? [l.error] : []), ...l.warnings]) text += `         ! ${w}\n`;
  });
  return text;
}
