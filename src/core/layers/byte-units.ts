/**
 * Byte sizes the way dive's .dive-ci reads them (go-humanize ParseBytes): a number (commas allowed,
 * fractions allowed) directly followed by an optional unit, case-insensitive. "kB"/"MB"/"k"/"M" are
 * powers of 1000, "KiB"/"MiB"/"Ki"/"Mi" powers of 1024, no unit means bytes: "20Mb" is 20,000,000.
 */

const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ...['k', 'm', 'g', 't', 'p', 'e'].flatMap((prefix, i): [string, number][] => [
    [prefix, 1000 ** (i + 1)],
    [`${prefix}b`, 1000 ** (i + 1)],
    [`${prefix}i`, 1024 ** (i + 1)],
    [`${prefix}ib`, 1024 ** (i + 1)],
  ]),
]);

export type ByteSize =
  { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly message: string };

export function parseByteSize(text: string): ByteSize {
  const digits = /^[0-9.,]*/.exec(text)![0];
  const number = digits.replace(/,/g, '');
  const unit = text.slice(digits.length).trim().toLowerCase();
  if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(number)) {
    return {
      ok: false,
      message: `"${text}" is not a byte size: write a number with an optional unit, like 20MB or 20 MiB.`,
    };
  }
  const scale = UNITS.get(unit);
  if (scale === undefined) {
    return {
      ok: false,
      message: `"${unit}" in "${text}" is not a byte unit: use B, kB, MB, GB, KiB, MiB or GiB.`,
    };
  }
  return { ok: true, bytes: Math.floor(Number(number) * scale) };
}
