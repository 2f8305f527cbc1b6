/**
 * The English sentences of the package readers, by a stable name, with `{{slots}}` for what varies: a database
 * that cannot be read, a record that was skipped. The page's catalogues hold the same names under
 * `packageSentences` (English word for word, and Simplified Chinese); the CLI prints the English.
 * Names are a contract between the worker and the page: add, never rename.
 */
import { sentenceBook, type Said, type SaidValue } from '../model/said';

export const PACKAGE_SENTENCES = {
  // A message from outside (a library's), shown as it came.
  'as-written': '{{text}}',
  // A database that cannot be read.
  'at-path': '{{path}}: {{problem}}',
  'apk-unreadable': 'The apk database {{path}} could not be read from the image.',
  'dpkg-unreadable': 'The dpkg status file {{path}} could not be read from the image.',
  'rpm-unreadable': 'The rpm database {{path}} could not be read from the image.',
  'too-large':
    '{{path}} holds more than {{limit}} bytes, more than a package database this tool reads; it was not read.',
  // Records skipped.
  'apk-no-name': 'An apk record without a P: name line was skipped.',
  'dpkg-no-files': 'dpkg lists no files for {{name}}.',
  'rpm-no-name': 'An rpm header without a NAME tag was skipped.',
  'rpm-header-short': 'The rpm header is {{length}} bytes long, too short to hold one.',
  'rpm-header-damaged':
    'The rpm header claims {{tags}} tags and {{bytes}} data bytes but holds {{length}} bytes; it is damaged.',
  // Berkeley DB (rpm before 4.16).
  'bdb-short': 'The Berkeley DB file is shorter than one page; it is damaged.',
  'bdb-no-magic': 'The file is not a Berkeley DB hash database (no hash magic on the meta page).',
  'bdb-encrypted': 'The Berkeley DB database is encrypted; strata cannot read it.',
  'bdb-page-size': 'The Berkeley DB page size {{size}} is not a power of two from 512 to 65536.',
  'bdb-item-too-large':
    'The Berkeley DB item on page {{page}} claims {{total}} bytes, more than the whole file.',
  'bdb-overflow-broken': 'The Berkeley DB overflow chain from page {{page}} is broken at page {{at}}.',
  // ndb (SUSE).
  'ndb-no-magic': 'The file is not an rpm ndb database (no RpmP magic).',
  'ndb-version': 'The rpm ndb database has version {{version}}; strata reads version 0.',
  'ndb-slot-past-end': 'The rpm ndb slot of package {{n}} points past the end of the file.',
  'ndb-blob-header': 'The rpm ndb blob of package {{n}} has no matching BlbS header; the file is damaged.',
  'ndb-blob-past-end': 'The rpm ndb blob of package {{n}} runs past the end of the file.',
  // SQLite (rpm 4.16 and later).
  'sqlite-no-start':
    'SQLite could not start to read the rpm database ({{reason}}); this happens when the system has too little free memory for its WebAssembly runtime.',
  'sqlite-no-open': 'SQLite could not open the rpm database ({{reason}}).',
  'sqlite-no-table': 'The SQLite file has no readable rpm Packages table ({{reason}}).',
  'wal-no-magic': 'The -wal file beside the SQLite database has no WAL magic; it is damaged.',
  'wal-page-size': 'The SQLite WAL page size {{size}} is not a power of two from 512 to 65536.',
  'wal-too-many-pages': 'The SQLite WAL commits {{pages}} pages, more than the database and the WAL hold.',
} as const;

export type PackageSentenceName = keyof typeof PACKAGE_SENTENCES;

export const PACKAGE_BOOK = 'packageSentences';

const PACKAGE = sentenceBook<PackageSentenceName>(PACKAGE_BOOK, PACKAGE_SENTENCES);
export const packageSaid = PACKAGE.say;
export const renderPackageSaid = PACKAGE.render;

/** A package database that cannot be read: its English sentence, and the same sentence by name. */
export class PackageDbError extends Error {
  override name = 'PackageDbError';
  constructor(readonly said: Said) {
    super(renderPackageSaid(said));
  }
}

export function packageError(
  name: PackageSentenceName,
  params: Readonly<Record<string, SaidValue>> = {},
): PackageDbError {
  return new PackageDbError(packageSaid(name, params));
}

/** The sentence of an error a reader returned; a foreign error's message is kept as it is. */
export function saidOfError(error: Error): Said | string {
  return error instanceof PackageDbError ? error.said : error.message;
}

/** A reader's error or warning as a sentence; text without a name is said as it is written. */
export function packageProblem(problem: Error | string): Said {
  const said = typeof problem === 'string' ? problem : saidOfError(problem);
  return typeof said === 'string' ? packageSaid('as-written', { text: said }) : said;
}

/** Keeps a skipped record's sentence twice: English for the CLI, by name for the page. */
export function warn(warnings: string[], sentences: Said[], said: Said | string): void {
  const named = typeof said === 'string' ? packageSaid('as-written', { text: said }) : said;
  warnings.push(renderPackageSaid(named));
  sentences.push(named);
}
