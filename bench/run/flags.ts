/** The benchmarks' few command-line flags: `--name value` pairs, nothing else. */
export function readFlags(args: readonly string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.replace(/^--/, '');
    const value = args[i + 1];
    if (!arg.startsWith('--') || !known.includes(name) || value === undefined) {
      throw new Error(
        `Unknown or incomplete flag ${arg}; the flags are ${known.map((k) => `--${k}`).join(', ')}.`,
      );
    }
    flags.set(name, value);
    i++;
  }
  return flags;
}

/** "300M", "2G", "1500000": decimal units, as archive sizes are usually quoted. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([KMG]?)B?$/i.exec(text.trim());
  if (!match) throw new Error(`${text} is not a size; write it like 300M or 2G.`);
  const unit = { '': 1, K: 1e3, M: 1e6, G: 1e9 }[match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(match[1]) * unit;
}
