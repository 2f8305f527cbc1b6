/** Display formatting shared by the page and the CLI, so both print sizes and times alike. */
export { formatSize, formatAgo, displayCreatedBy, shortDigest } from '../core';

const TYPE_CHAR: Record<string, string> = {
  dir: 'd',
  symlink: 'l',
  char: 'c',
  block: 'b',
  fifo: 'p',
  hardlink: 'h',
};

/** `ls -l` style permissions, setuid/setgid/sticky included ("-rwsr-xr-x", "drwxrwxrwt"). */
export function formatPermissions(kind: string, mode: number): string {
  const bit = (m: number, c: string) => (mode & m ? c : '-');
  const special = (exec: number, flag: number, on: string, off: string) =>
    mode & flag ? (mode & exec ? on : off) : bit(exec, 'x');
  return (
    (TYPE_CHAR[kind] ?? '-') +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's', 'S') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    special(0o10, 0o2000, 's', 'S') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    special(0o1, 0o1000, 't', 'T')
  );
}
