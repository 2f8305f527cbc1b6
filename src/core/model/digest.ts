/** "sha256:<64 lowercase hex>"; other algorithms are carried as strings but never verified. */
export type Digest = string;

const SHA256 = /^sha256:[0-9a-f]{64}$/;

export function isSha256Digest(value: unknown): value is Digest {
  return typeof value === 'string' && SHA256.test(value);
}

/** The 12-hex short form podman and docker print (without the algorithm). */
export function shortDigest(digest: Digest): string {
  const colon = digest.indexOf(':');
  return digest.slice(colon + 1, colon + 13);
}
