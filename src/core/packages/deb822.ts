/**
 * dpkg's control-file syntax (deb-control(5), as in /var/lib/dpkg/status): stanzas separated by
 * blank lines, "Field: value" lines, continuation lines starting with a space or tab. Field names are
 * case-insensitive and stored lower-cased; continuation lines are joined with "\n" without the
 * leading space, so a multi-line field (Conffiles) reads line by line.
 */
export type Stanza = ReadonlyMap<string, string>;

export function parseStanzas(text: string): Stanza[] {
  const stanzas: Stanza[] = [];
  let current = new Map<string, string>();
  let field = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) stanzas.push(current);
      current = new Map();
      field = '';
    } else if (line.startsWith(' ') || line.startsWith('\t')) {
      if (field !== '') current.set(field, `${current.get(field) ?? ''}\n${line.slice(1)}`);
    } else if (!line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      field = line.slice(0, colon).toLowerCase();
      current.set(field, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}

/** True when the text starts like a control file (its first field is Package:), whatever its name. */
export function looksLikeControl(head: string): boolean {
  return /^(?:#[^\n]*\n|\s*\n)*Package:/i.test(head);
}
