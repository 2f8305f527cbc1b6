/**
 * An image config's Env and Labels, cut to their first entries for the page. A config may hold tens of
 * thousands of either (a hostile one does); the page shows the first hundred and says how many more there
 * are, so the worker sends no more than that: cloning and rendering 40,000 entries held the page's main
 * thread for tens of milliseconds on every fresh view. `strata inspect --json` keeps them all.
 */

/** How many entries of each list the page is sent. */
export const CONFIG_LIST_LIMIT = 100;

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

export function boundConfigLists(
  config: Readonly<Record<string, unknown>>,
  limit = CONFIG_LIST_LIMIT,
): ConfigLists {
  const { Env: env, Labels: labels, ...rest } = config;
  const envList = Array.isArray(env) ? env : [];
  const labelMap = labels !== null && typeof labels === 'object' && !Array.isArray(labels) ? labels : {};
  // Only the first `limit` keys are read: Object.keys of 20,000 labels is cheap, their entries less so.
  const labelKeys = Object.keys(labelMap);
  return {
    config: rest,
    env: { first: envList.slice(0, limit).map(String), total: envList.length },
    labels: {
      first: labelKeys
        .slice(0, limit)
        .map((key) => [key, String((labelMap as Record<string, unknown>)[key])] as const),
      total: labelKeys.length,
    },
  };
}
