/** Results of the names view: resolve a name as Docker and Podman would, and layers shared between images. */
import type { InvalidReport, Phrase, ValidReport } from '../core';

/** The registries.conf shown in the resolver panel by default (Fedora's shipped file, the common case). */
export const DEFAULT_REGISTRIES_CONF_TEXT = `# registries.conf (containers-registries.conf(5)); edit to match your machine
unqualified-search-registries = ["registry.fedoraproject.org", "registry.access.redhat.com", "docker.io", "quay.io"]
short-name-mode = "enforcing"

[aliases]
# "ubi7" = "registry.access.redhat.com/ubi7"
`;

export interface ResolveResult {
  readonly report: ValidReport | InvalidReport;
  /** A registries.conf that does not parse: the sentence (with its line), and the default was used. */
  readonly confError: string | null;
  /** The same sentence by name, for the page to say in its language. */
  readonly confErrorSentence: Phrase | null;
  /** Every name of every open image, for suggestions. */
  readonly openNames: readonly string[];
}

export interface SharedWith {
  readonly archiveId: string;
  readonly fileName: string;
  readonly imageKey: string;
  readonly label: string;
  /** How many layers, from the base up, the two images share (same chain ID). */
  readonly count: number;
  readonly otherLayerCount: number;
}
