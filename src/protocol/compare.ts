/** Messages of the Compare view: two open images (any archives), old against new (core/compare). */
export type { CompareJson, CompareReport, DiffStatus } from '../core';
