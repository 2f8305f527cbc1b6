/**
 * An image config's Env and Labels, cut to their first entries for the page. A config may hold tens of
 * thousands of either (a hostile one does); the page shows the first hundred and says how many more there
 * are, so the worker sends no more than that: cloning and rendering 40,000 entries held the page's main
 * thread for tens of milliseconds on every fresh view. The rest come on demand a page at a time
 * (`configListPage`); `strata inspect --json` keeps them all.
 */

/** How many entries of each list the page is sent with the image's view. */
export const CONFIG_LIST_LIMIT = 100;
/** The most entries one page of a list holds, whatever was asked: one message stays small to clone. */
export const CONFIG_PAGE_LIMIT = 1000;

export interface BoundedList<T> {
  /** The list's first entries, in the config's order. */
  readonly first: readonly T[];
  /** How many the config holds. */
  readonly total: number;
}

export interface ConfigLists {
  /** The config without its Env and Labels. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly env: BoundedList<string>;
  readonly labels: BoundedList<readonly [string, string]>;
}

export type ConfigListName = 'env' | 'labels';

/** Entries `offset` onwards of one list, in the config's order, and how many the list holds. */
export type ConfigListPage =
  | {
      readonly list: 'env';
      readonly offset: number;
      readonly items: readonly string[];
      readonly total: number;
    }
  | {
      readonly list: 'labels';
      readonly offset: number;
      readonly items: readonly (readonly [string, string])[];
      readonly total: number;
    };

function envOf(config: Readonly<Record<string, unknown>>): readonly unknown[] {
  return Array.isArray(config.Env) ? config.Env : [];
}

function labelsOf(config: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const labels = config.Labels;
  return labels !== null && typeof labels === 'object' && !Array.isArray(labels)
    ? (labels as Record<string, unknown>)
    : {};
}

/** A whole number in [low, high]; anything else a page is asked with becomes the nearest one. */
function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.floor(value), low), high) : low;
}

interface Page<T> {
  readonly offset: number;
  readonly items: readonly T[];
  readonly total: number;
}

function envPage(config: Readonly<Record<string, unknown>>, offset: number, size: number): Page<string> {
  const env = envOf(config);
  const from = clamp(offset, 0, env.length);
  return { offset: from, items: env.slice(from, from + size).map(String), total: env.length };
}

function labelsPage(
  config: Readonly<Record<string, unknown>>,
  offset: number,
  size: number,
): Page<readonly [string, string]> {
  const labels = labelsOf(config);
  // Object.keys of 20,000 labels is cheap; only the page's values are read.
  const keys = Object.keys(labels);
  const from = clamp(offset, 0, keys.length);
  return {
    offset: from,
    items: keys.slice(from, from + size).map((key) => [key, String(labels[key])] as const),
    total: keys.length,
  };
}

/** One page of Env entries or labels: at most `CONFIG_PAGE_LIMIT` of them, from `offset`. */
export function configListPage(
  config: Readonly<Record<string, unknown>>,
  list: ConfigListName,
  offset: number,
  limit: number,
): ConfigListPage {
  const size = clamp(limit, 0, CONFIG_PAGE_LIMIT);
  return list === 'env'
    ? { list, ...envPage(config, offset, size) }
    : { list, ...labelsPage(config, offset, size) };
}

export function boundConfigLists(
  config: Readonly<Record<string, unknown>>,
  limit = CONFIG_LIST_LIMIT,
): ConfigLists {
  const { Env: _env, Labels: _labels, ...rest } = config;
  const env = envPage(config, 0, limit);
  const labels = labelsPage(config, 0, limit);
  return {
    config: rest,
    env: { first: env.items, total: env.total },
    labels: { first: labels.items, total: labels.total },
  };
}
