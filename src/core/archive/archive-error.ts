/**
 * Every way an archive can be unreadable, each with a sentence a user can act on
 * (docs/conventions.md#errors-are-sentences). The code lets the UI and tests tell them apart; the sentence is
 * what is shown.
 */
export type ArchiveErrorCode =
  | 'empty'
  | 'not-a-tar'
  | 'not-an-image'
  | 'unsupported-format'
  | 'unsupported-compression'
  | 'truncated'
  | 'corrupt'
  | 'missing-blob'
  | 'bad-metadata'
  | 'absurd-size'
  | 'too-many-entries'
  | 'no-such-image'
  | 'cancelled';

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}
