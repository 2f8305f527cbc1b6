/**
 * Numbers, sizes and dates for the page's language through Intl. Sizes keep the decimal units podman
 * prints (kB, MB: 1000-based), so a figure reads the same as in the CLI, with the locale's digits
 * and separators.
 */
// The unit symbols are SI symbols, the same in every language; only the number is localised.
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

// Making an Intl formatter costs far more than formatting with it (a date formatter ~0.1 ms), and every
// row of a table re-renders on each progress event while an archive loads: keep one per locale and kind.
const formatters = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat
>();

function formatter<
  T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat,
>(kind: string, locale: string, make: () => T): T {
  const key = `${kind}\u0000${locale}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

export function formatCount(n: number, locale: string): string {
  return formatter('count', locale, () => new Intl.NumberFormat(locale)).format(n);
}

/**
 * Words joined as the page's language joins a list: "a, b, and c" / "a、b和c" (conjunction), "a, b, or c" /
 * "a、b或c" (disjunction); "a, b, c" / "a、b、c" (a plain list, for data such as paths and package names).
 */
export function formatList(
  items: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' | 'plain' = 'conjunction',
): string {
  const list = (kind: 'conjunction' | 'disjunction') =>
    formatter(`list-${kind}`, locale, () => new Intl.ListFormat(locale, { type: kind }));
  if (type !== 'plain') return list(type).format(items);
  // Intl has no plain list ("unit" runs Chinese words together): the separator before a conjunction's second item.
  const separator = list('conjunction').formatToParts(['a', 'b', 'c'])[1]?.value ?? ', ';
  return items.join(separator);
}

export function formatBytes(bytes: number, locale: string): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  const number = formatter(
    'bytes',
    locale,
    () => new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }),
  );
  return `${number.format(size)} ${UNITS[unit]}`;
}

export function formatPercent(ratio: number, locale: string): string {
  return formatter(
    'percent',
    locale,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
  ).format(ratio);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "5 days ago" / "5天前"; null when the time is absent, unreadable or Go's zero time. */
export function formatRelative(iso: string | null, locale: string, now: number = Date.now()): string | null {
  const t = readTime(iso);
  if (t === null) return null;
  const seconds = Math.round((t - now) / 1000);
  const [unit, size] = STEPS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  const relative = formatter(
    'relative',
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  return relative.format(Math.trunc(seconds / size), unit);
}

/** The exact time in the user's time zone, with the zone named. */
export function formatExact(iso: string | null, locale: string): string | null {
  const t = readTime(iso);
  if (t === null) return null;
  return formatter(
    'exact',
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' }),
  ).format(t);
}

function readTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  // Go's zero time (0001-01-01, written by kaniko and others) means "not recorded".
  if (Number.isNaN(t) || t < Date.UTC(1971, 0, 1)) return null;
  return t;
}
