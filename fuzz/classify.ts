/**
 * Each fuzz run is clean, or one of: crash (a JavaScript error reached the user), hang (no answer
 * in time), oom (the heap cap was hit), wrong-exit (exit 2 for arguments that are fine, another
 * code than 0/1, or exit 1 without a sentence).
 */
export type RunClass = 'clean' | 'crash' | 'hang' | 'oom' | 'wrong-exit';

export const RUN_CLASSES: readonly RunClass[] = ['clean', 'crash', 'hang', 'oom', 'wrong-exit'];

/** What a user must never read: the marks of an error nobody turned into a sentence. */
const CRASH_MARKS = [
  /RangeError/,
  /TypeError/,
  /ReferenceError/,
  /SyntaxError: /,
  /Maximum call stack/,
  /Cannot read propert/,
  /Cannot set propert/,
  /is not a function/,
  /is not iterable/,
  /out of range/i,
  /Invalid array length/,
  /Invalid typed array length/,
  /Invalid string length/,
  /\n\s+at .+:\d+:\d+/,
  /\bundefined\b/,
  /\bNaN\b/,
  /\[object Object\]/,
  /internal error/,
];

export function crashMark(stderr: string): string | undefined {
  return CRASH_MARKS.find((mark) => mark.test(stderr))?.source;
}

/** Exit 2 is right when the archive turns out to hold several images and no --image was given. */
const CHOOSE_IMAGE = /choose one with --image/;

/**
 * `ci` exits 1 for a failed rule, `ldd` with ldd's own status, `owner` 1 for a path no package owns
 * (as rpm -qf and dpkg -S do); all print their answer on stdout.
 */
const STDOUT_VERDICT = new Set(['ci', 'ldd', 'owner']);

export function classifyResult(
  command: string,
  code: number,
  stderr: string,
): { kind: RunClass; why?: string } {
  const mark = crashMark(stderr);
  if (mark !== undefined) return { kind: 'crash', why: `stderr shows ${mark}` };
  if (code === 2 && !CHOOSE_IMAGE.test(stderr))
    return { kind: 'wrong-exit', why: 'exit 2 (bad usage) for valid arguments' };
  if (code === 2) return { kind: 'clean' };
  if (code !== 0 && code !== 1) return { kind: 'wrong-exit', why: `exit ${code}` };
  if (code === 1 && stderr.trim() === '' && !STDOUT_VERDICT.has(command))
    return { kind: 'wrong-exit', why: 'exit 1 with nothing on stderr' };
  return { kind: 'clean' };
}
