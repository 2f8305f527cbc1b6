/**
 * The English sentences of the errors a user meets most, by a stable name, with `{{slots}}` for what varies.
 * The page's catalogues (src/ui/i18n/locales) hold the same names: English word for word (a test compares
 * them) and Simplified Chinese. Names are a contract between the worker and the page: add, never rename.
 */
export const SENTENCES = {
  // The file itself.
  'file-empty': 'The file is empty (0 bytes).',
  'not-a-tar': 'This file is not an image archive: it is neither a tar nor a compressed tar.',
  'compressed-with':
    'The file is {{compression}}-compressed; decompress it first (for example with {{tool}}) and open the .tar.',
  'compression-damaged': "The archive's {{compression}} compression is damaged: {{detail}}",
  damaged: 'The archive is damaged: {{detail}}',
  // Not an image.
  'not-an-image':
    'This tar archive holds no container image: it has neither manifest.json nor an OCI index.json.',
  'empty-tar': 'This tar archive is empty: it holds no image.',
  'empty-archive': 'This archive is empty: it holds no image.',
  'docker-v1':
    'This is a pre-2016 Docker v1 image archive (only "repositories" and <id>/json); strata reads archives from Docker 1.10 on.',
  // Cut short.
  'truncated-inside': 'The archive is truncated: it ends at byte {{at}}, inside {{path}}.',
  'truncated-entry': 'The archive is truncated: it ends at byte {{at}}, inside an entry.',
  'truncated-before-manifest':
    'The archive is truncated at byte {{at}}, before its manifest; nothing can be shown.',
  'truncated-layer': 'This layer is cut off: the archive ends at byte {{at}}, inside it.',
  'archive-truncated':
    'The archive is truncated: it ends at byte {{at}}. Layers stored past that point cannot be read.',
  // Hostile or absurd.
  'too-many-entries': 'The archive has more than {{max}} entries; that is not an image archive.',
  'too-much-small': 'The archive holds too much small content to be an image archive.',
  'metadata-too-large': '{{path}} is {{size}} bytes, too large for image metadata.',
  'manifest-outside': 'manifest.json item {{item}} points outside the archive ({{path}}).',
  // Metadata.
  'manifest-not-list': 'manifest.json is not a list of images.',
  'manifest-no-config': 'manifest.json item {{item}} has no Config.',
  'oci-no-index': 'This OCI layout has no index.json.',
  'oci-no-index-truncated': 'This OCI layout has no index.json. The archive is truncated at byte {{at}}.',
  'not-json': 'The {{what}} is not valid JSON.',
  // Missing pieces.
  'no-file': 'The archive has no file {{path}}.',
  'config-missing': 'The image config {{path}} is missing from the archive.',
  'layer-unreadable': 'The layer blob {{path}} cannot be read.',
  'layer-not-included': 'This layer is not included in the archive.',
  'layer-not-read': 'Layer {{n}} has not been read.',
  'no-such-image': 'The archive has no image {{key}}.',
  'archive-closed': 'That archive is no longer open; drop it again.',
  'path-missing': '{{path}} does not exist at layer {{layer}}.',
  // One layer (the others still read).
  'layer-odd-compression':
    'This layer is {{compression}}-compressed, which image layers never are; it cannot be read.',
  'layer-too-many-entries': 'This layer has more than {{max}} entries; it was not indexed further.',
  'layer-not-tar': 'This layer is not a tar archive.',
  'layer-tar-damaged': "This layer's tar is damaged: {{detail}}",
  'layer-tar-bad-checksum':
    "This layer's tar is damaged: The tar header at byte {{at}} is corrupt (bad checksum).",
  'layer-tar-bad-size': "This layer's tar is damaged: The tar header at byte {{at}} has an invalid size.",
  'layer-empty': 'This layer blob is empty.',
  'layer-worker-stopped': 'This layer could not be read: its worker stopped ({{detail}}).',
  'layer-too-large':
    'This layer decodes to more than {{limit}}, the limit for one layer; it was not read further.',
  'layer-bomb':
    'This layer decodes to more than {{ratio}} times its stored size ({{size}} from {{bytes}} bytes): a decompression bomb, not read further.',
  // A layer read, but not as its manifest and config describe it.
  'layer-size-mismatch': 'The blob is {{size}} bytes but the manifest says {{declared}}.',
  'layer-digest-mismatch': "The stored blob's digest {{digest}} does not match the manifest's {{expected}}.",
  'layer-diff-id-mismatch':
    "The uncompressed content ({{diffId}}) does not match the config's diff_id {{expected}}.",
  'layer-diff-id-chunked':
    "The uncompressed content ({{diffId}}) differs from the config's diff_id; zstd:chunked layers may legitimately differ (tar padding is not kept).",
  // Why a layer is absent (shown after "not included").
  'absent-outside': 'the manifest names a path outside the archive',
  'absent-no-file': 'the archive has no {{path}}',
  'absent-foreign': 'foreign layer (not included)',
  'absent-blob': 'the layer blob is not included in the archive',
  'absent-unknown': 'not included',
  // An image read, with something amiss in its metadata.
  'image-layer-count': 'The config lists {{config}} layers but manifest.json lists {{manifest}}.',
  'image-layer-count-oci': 'The config lists {{config}} layers but the manifest lists {{manifest}}.',
  'history-extra-steps': 'The history lists more layer-making steps than the image has layers.',
  'index-too-deep': 'The image index nests deeper than 8 levels; the rest was not read.',
  'tar-name-escapes': 'The entry name "{{name}}" tries to leave the root; it was kept inside as {{path}}.',
  // Comparing two images' packages.
  'compare-old-no-db':
    'The old image has no package database ({{new}} in the new one): every package is listed as added.',
  'compare-new-no-db':
    'The new image has no package database ({{old}} in the old one): every package is listed as removed.',
  'compare-managers-differ':
    'The package manager differs ({{old}} in the old image, {{new}} in the new one): packages of one manager are listed as removed and those of the other as added, never as upgrades.',
  // Reading contents.
  'contents-compressed':
    'File contents cannot be read from a layer inside a compressed archive without decompressing all of it again; decompress the archive (gunzip) and open the .tar.',
  'contents-not-kept':
    'File contents cannot be read from this compressed archive: its decoded copy could not be kept ({{reason}}). Free some disk space or decompress the archive (gunzip) and open the .tar.',
  // A file in the image too large to read whole (a package database).
  'file-too-large':
    '{{path}} holds more than {{limit}} bytes, more than a package database this tool reads; it was not read.',
  // The worker's own.
  cancelled: 'Cancelled.',
  internal: 'strata could not read this file: {{detail}}',
} as const;

export type SentenceName = keyof typeof SENTENCES;

/** Why a layer's blob is absent, as the image model keeps it: the English reason and its sentence. */
export function absentBecause(
  name: 'absent-outside' | 'absent-no-file' | 'absent-foreign' | 'absent-blob',
  params: Readonly<Record<string, string>> = {},
) {
  const reason = SENTENCES[name].replace(/\{\{(\w+)\}\}/g, (slot, key: string) => params[key] ?? slot);
  return { absentReason: reason, absentSentence: { name, params } };
}
export type SentenceParams = Readonly<Record<string, string | number>>;
