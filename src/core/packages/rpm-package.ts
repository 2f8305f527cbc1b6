/**
 * An rpm header → InstalledPackage (tag numbers from rpm's rpmtag.h; the table in
 * docs/package-databases.md#the-header-blob).
 */
import type { InstalledFile, InstalledPackage } from './package-types';
import { FILE_STATE } from './package-types';
import type { RpmHeader } from './rpm-header';
import { parseRpmHeader, tagNumber, tagNumbers, tagString, tagStrings } from './rpm-header';
import { packageError } from './package-sentences';

export const RPM_TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  size: 1009,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  oldFilenames: 1027,
  fileStates: 1029,
  fileDigests: 1035,
  fileLinkTos: 1036,
  fileFlags: 1037,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  longSize: 5009,
} as const;

export function readRpmPackage(blob: Uint8Array): InstalledPackage | Error {
  const header = parseRpmHeader(blob);
  if (header instanceof Error) return header;
  const name = tagString(header, RPM_TAG.name);
  if (name === '') return packageError('rpm-no-name');
  return {
    manager: 'rpm',
    name,
    epoch: tagNumber(header, RPM_TAG.epoch),
    version: tagString(header, RPM_TAG.version),
    release: tagString(header, RPM_TAG.release),
    // Source and gpg-pubkey headers have no ARCH; rpm -q prints "(none)".
    arch: tagString(header, RPM_TAG.arch) || '(none)',
    sourcePackage: tagString(header, RPM_TAG.sourceRpm),
    license: tagString(header, RPM_TAG.license),
    vendor: tagString(header, RPM_TAG.vendor),
    installedSize: tagNumber(header, RPM_TAG.longSize) ?? tagNumber(header, RPM_TAG.size) ?? 0,
    multiArchSame: false,
    files: readFiles(header),
  };
}

/** File i = DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]; very old headers carry OLDFILENAMES instead. */
function filePaths(header: RpmHeader): readonly string[] {
  const baseNames = tagStrings(header, RPM_TAG.baseNames);
  if (baseNames.length === 0) return tagStrings(header, RPM_TAG.oldFilenames);
  const dirNames = tagStrings(header, RPM_TAG.dirNames);
  const dirIndexes = tagNumbers(header, RPM_TAG.dirIndexes);
  return baseNames.map((base, i) => (dirNames[dirIndexes[i] ?? -1] ?? '') + base);
}

function readFiles(header: RpmHeader): InstalledFile[] {
  const paths = filePaths(header);
  const states = tagNumbers(header, RPM_TAG.fileStates);
  const flags = tagNumbers(header, RPM_TAG.fileFlags);
  const digests = tagStrings(header, RPM_TAG.fileDigests);
  const links = tagStrings(header, RPM_TAG.fileLinkTos);
  return paths.map((path, i) => {
    const state = states[i] ?? FILE_STATE.normal;
    return {
      path,
      flags: flags[i] ?? 0,
      // RPMFILE_IS_INSTALLED (rpmfiles.h): only normal and netshared files are on disk.
      installed: state === FILE_STATE.normal || state === FILE_STATE.netShared,
      digest: digests[i] ?? '',
      linkTarget: links[i] ?? '',
    };
  });
}
