/** Display formatting shared by the page and the CLI, so both print sizes and times alike; and the ELF magic
 * check, so the page's viewer and the core call the same bytes ELF. */
export {
  formatSize,
  formatAgo,
  displayCreatedBy,
  shortDigest,
  formatPermissions,
  hasElfMagic,
} from '../core';
