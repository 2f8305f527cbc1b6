/**
 * Layers: what each layer changed, the merged tree at any layer, waste (dive's figures and the
 * corrected one) and .dive-ci rules. Pure: the input is each layer's TarEntry list, bottom to top.
 */
export { buildLayerStack, compareTrees, LayerStack, LayerRangeError } from './layer-stack';
export type * from './layer-types';
export type { ChangeTable } from './changes';
export type { ChangeChild, ChangeDirs } from './change-dirs';
export { SearchQueryError } from './search';
export type { TrueWaste, WastedFile } from './true-waste';
export { computeDiveFigures, type DiveFigures, type DiveInefficiency } from './dive-efficiency';
export { parseDiveCi, DEFAULT_CI_RULES, type CiRules, type CiRuleName, type ParsedCiFile } from './dive-ci';
export {
  ciFigures,
  evaluateCiRules,
  formatCiReport,
  type CiFigures,
  type CiReport,
  type CiRuleResult,
  type CiStatus,
} from './ci-rules';
export { parseByteSize, type ByteSize } from './byte-units';
export { compileGlob, type Glob } from './glob';
export {
  formatChanges,
  formatChangeSet,
  formatChangeTable,
  formatChange,
  formatMode,
  formatPermissions,
} from './format-changes';
