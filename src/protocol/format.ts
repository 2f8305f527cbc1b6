/** Display formatting shared by the page and the CLI, so both print sizes and times alike. */
export { formatSize, formatAgo, displayCreatedBy, shortDigest, formatPermissions } from '../core';
