/**
 * The words of a picture's title, subtitle, legend and footer, with `{{slots}}` for what varies. English is
 * the CLI's (its output is a contract); the page hands over the same names in its own language (its
 * catalogues hold them under `picture`), so an exported picture reads like the page it came from.
 */
export const PICTURE_WORDS = {
  titleOverview: 'every ELF object of {{image}}, by {{by}}',
  byPackage: 'package',
  byPackageOrDirectory: 'package or directory',
  titleLoads: 'what {{focus}} loads',
  titleLoadedBy: 'what loads {{focus}}',
  atTop: 'at L{{layer}}, the top',
  atLayer: 'at L{{layer}} of L0–L{{top}}',
  subtitleChange: 'the loads added and removed, with their ends, at the top layer of each image',
  howOverview: 'groups of objects and the loads between them',
  howAll: 'every NEEDED edge',
  howLoads: 'each object under the first object that needs it',
  howLoadedBy: 'each loader once, above the first object it loads',
  unnamedImage: 'unnamed image',
  footer: "strata {{version}} · {{date}} · resolved as the image's own loader would (emulated, nothing ran)",
  changeAddedObject: 'object only in the new image',
  changeAddedLoad: 'load added',
  changeRemovedObject: 'object only in the old image',
  changeRemovedLoad: 'load removed (dashed)',
  changeUnchangedObject: 'object in both',
  changeUnchangedLoad: 'load in both',
  root: 'the focused object',
  group: 'a group of objects (package or directory)',
  programGroup: 'a group of programs only',
  opened: 'an opened group, around its objects',
  program: 'program',
  library: 'shared library',
  interpreter: 'the loader (ELF interpreter)',
  missing: 'needed, not found',
  loads: 'A loads B',
  loadsFirst: 'A loads B (first need)',
  alsoLoads: 'A also loads B',
  needsMissing: 'A needs a name nothing provides',
  colourKey: '{{key}} (colour: {{by}})',
  colourByLayer: 'the layer that put it there',
  colourByPackage: 'its package',
  layerUnknown: 'layer unknown',
  layerTop: 'L{{layer}} (top)',
  otherPackages: '{{count}} other packages',
  noPackage: 'no package',
  alsoNeededBy: 'also needed by {{count}} more',
  alsoLoadsVia: 'also loads it via {{count}} more',
  neededByAll: 'needed by all {{count}}',
  neededBySome: 'needed by {{count}} of {{possible}}',
  notFound: 'not found',
  programsOne: '{{count}} program',
  programsMany: '{{count}} programs',
  librariesOne: '{{count}} library',
  librariesMany: '{{count}} libraries',
  namesOne: '{{count}} name',
  namesMany: '{{count}} names',
  loadedByGroups: 'loaded by {{count}} groups',
  inGroup: 'in {{group}}',
  listMostLoaded: 'Most-loaded libraries',
  listLoadingMost: 'Programs loading the most (directly)',
  listMissing: 'Names nothing provides',
  listNone: 'none',
  listNeedIt: '{{name}}: {{count}} need it',
} as const;

export type PictureWordName = keyof typeof PICTURE_WORDS;
export type PictureWords = Readonly<Record<PictureWordName, string>>;

/** One word of the picture in the given words (English when none are given), its slots filled. */
export function word(
  words: PictureWords | undefined,
  name: PictureWordName,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = words?.[name] ?? PICTURE_WORDS[name];
  return template.replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
    const value = params[key];
    return value === undefined ? slot : String(value);
  });
}
