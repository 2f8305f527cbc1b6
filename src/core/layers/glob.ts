/**
 * Path globs for search and for CI rules (`**\/*.pem`): `*` and `?` stay inside one path component,
 * `**` spans components, `[...]` is a character class. Patterns are matched against the path
 * without its leading "/"; a pattern with no "/" matches the last component, the way .gitignore
 * and `find -name` read it.
 */

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i++;
  return i < pattern.length ? i : -1;
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      // "**/" also matches no directory at all: "**/x" matches "x".
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body}]`;
      i = end;
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

export interface Glob {
  readonly source: string;
  matches(path: string): boolean;
}

export function compileGlob(pattern: string, caseSensitive = true): Glob {
  const trimmed = pattern.replace(/^\/+/, '');
  const basenameOnly = !trimmed.includes('/');
  const regex = new RegExp(`^${translate(trimmed)}$`, caseSensitive ? 'u' : 'iu');
  return {
    source: pattern,
    matches(path: string): boolean {
      const subject = basenameOnly ? path.slice(path.lastIndexOf('/') + 1) : path.replace(/^\/+/, '');
      return regex.test(subject);
    },
  };
}
