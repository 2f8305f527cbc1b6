/** The strata CLI: the same core as the page, for scripts and CI. */
import { InputError, UsageError, type CliIo, type Command } from './cli-io';
import { history } from './commands/history';
import { inspect } from './commands/inspect';

const COMMANDS: Record<string, () => Promise<Command>> = {
  history: () => Promise.resolve(history),
  inspect: () => Promise.resolve(inspect),
  resolve: async () => (await import('./commands/resolve')).resolve,
  diff: async () => (await import('./commands/diff')).diff,
  ci: async () => (await import('./commands/ci')).ci,
  ls: async () => (await import('./commands/ls')).ls,
  cat: async () => (await import('./commands/cat')).cat,
  export: async () => (await import('./commands/export')).exportFiles,
  owner: async () => (await import('./commands/owner')).owner,
  packages: async () => (await import('./commands/packages')).packages,
  ldd: async () => (await import('./commands/ldd')).ldd,
  graph: async () => (await import('./commands/graph')).graph,
  'blast-radius': async () => (await import('./commands/blast-radius')).blastRadiusCommand,
  // The command's first name, kept as an alias: same flags, same output.
  rdeps: async () => (await import('./commands/blast-radius')).blastRadiusCommand,
  index: async () => (await import('./commands/index')).index,
  query: async () => (await import('./commands/query')).query,
  worker: async () => (await import('./commands/worker')).worker,
  compare: async () => (await import('./commands/compare')).compare,
};

const USAGE = `usage: strata <command> [options] ARCHIVE

commands:
  history   the layer stack, like podman history --no-trunc
  inspect   names, config, platform and layers of the images in an archive
  resolve   how Docker and Podman resolve an image name
  diff      what each layer added, modified and removed; dive's waste figures and the corrected one
  ci        dive's .dive-ci gate (plus strata's rules); exit 1 when a rule fails
  ls        the merged tree at a layer, like ls -l, with each entry's change at that layer
  cat       a file's bytes at a layer (symlinks followed inside the image)
  export    every layer's file list as JSON or CSV
  owner     which package owns a file, like rpm -qf / dpkg -S (merged /usr understood)
  packages  the installed packages, what each layer installed, removed or upgraded; a CycloneDX SBOM
  ldd       what ldd [-v] prints for a file inside the image (the image's loader emulated, nothing runs)
  graph     the shared-library graph: the whole image, or what a file loads / what loads it, as JSON,
            DOT, SVG, PNG, Mermaid or Markdown
  blast-radius  which executables and libraries load a package's libraries, and which images to rebuild
                (alias: rdeps)
  index     read images into a fleet index once per layer (a directory, or PostgreSQL) for
            blast-radius --db and query
  query     images, packages, a file or a layer across the fleet index
  worker    take index jobs from the PostgreSQL queue that strata index --queue fills
  compare       what a change did to an image: config, layers, files, packages, linkage (text, JSON, Markdown)

  strata diff [--image NAME] [--layer N] [--json] ARCHIVE
  strata ci [--image NAME] [--config FILE] [--json] ARCHIVE
  strata ls [--image NAME] [--layer N] [--recursive|-R] [--removed] [--json] ARCHIVE [PATH]
  strata cat [--image NAME] [--layer N] ARCHIVE PATH
  strata export --format json|csv [--image NAME] ARCHIVE
  strata owner [--image NAME] [--layer N] [--json] ARCHIVE PATH...
  strata packages [--image NAME] [--layer N] [--json | --format cyclonedx] ARCHIVE
  strata ldd [-v] [--image NAME] [--layer N] [--json] ARCHIVE PATH
  strata graph [--image NAME] [--layer N] [--mode loads|loaded-by] [--edges tree|all]
               [--format json|dot|svg|png|mermaid|markdown] [--theme light|dark] [-o FILE] ARCHIVE [PATH]
  strata blast-radius [--json] PACKAGE ARCHIVE...
  strata blast-radius --db DB [--version CONSTRAINT] [--json] PACKAGE
  strata index [--db DB] [--json] [--platform OS/ARCH] [--queue [--wait]] SOURCE...
  strata query images|packages [NAME]|file PATH|layer DIGEST [--db DB] [--json]
  strata worker --db postgres://... [--concurrency N]

SOURCE is an archive, a directory of archives, or docker://HOST[:PORT]/REPO[:TAG|@DIGEST].
DB is a directory holding an embedded index (default .strata-index) or a postgres:// URL.
  strata compare [--image-old NAME] [--image-new NAME] [--json | --format text|json|markdown]
                 [-o FILE] [--fail-on RULE[,RULE...]] OLD NEW

Layers are numbered from 0 (the base), as strata diff --json prints them. strata ci reads
--config FILE, else .dive-ci in the current directory when present, else dive's defaults
(lowestEfficiency 0.9, highestUserWastedPercent 0.1). A --config file that is missing or
unreadable, or a rule value that does not parse, is a configuration error (exit 2), as dive
stops with an error on them.

Most commands take --json for machine-readable output. Exit codes: 0 success,
1 unreadable input (or a failed ci rule), 2 bad usage.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`strata: unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`strata ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`strata ${name}: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`strata ${name}: ${message}\n`);
    return 1;
  }
}
