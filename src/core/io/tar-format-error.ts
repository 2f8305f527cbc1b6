/**
 * The one error the tar reader throws: a sentence naming the byte where the stream stopped making sense. Its own
 * module so the PAX record reader can throw it without importing the parser that imports it.
 */
export class TarFormatError extends Error {
  override name = 'TarFormatError';
  constructor(
    message: string,
    readonly offset: number,
    /** Which of the common faults this is, so a caller can name its sentence; absent for the rare ones. */
    readonly fault?: 'bad-checksum' | 'bad-size',
  ) {
    super(message);
  }
}
