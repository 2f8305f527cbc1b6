/** The config fields a review cares about, old against new (the image config's `config` object). */
import { COMPARED_CONFIG_KEYS, type ConfigChange } from './compare-types';

/** JSON with object keys sorted, so two configs that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** An absent field, null and an empty list or map all mean "not set" to the engines. */
function normalized(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  return value;
}

export function compareConfig(
  oldConfig: Readonly<Record<string, unknown>>,
  newConfig: Readonly<Record<string, unknown>>,
): ConfigChange[] {
  const changed: ConfigChange[] = [];
  for (const key of COMPARED_CONFIG_KEYS) {
    const before = normalized(oldConfig[key]);
    const after = normalized(newConfig[key]);
    if (canonical(before) !== canonical(after)) changed.push({ key, old: before, new: after });
  }
  return changed;
}
