/**
 * An in-memory tar writer for synthetic edge cases (docs/conventions.md#tests-at-three-levels): USTAR
 * headers, PAX records, GNU long names, base-256 numbers, and deliberately broken variants. Real archives
 * come from real tools (fixtures/); this is for what no tool writes on demand.
 */
export interface BuildEntry {
  name: string;
  type?: string;
  data?: Uint8Array | string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  linkname?: string;
  pax?: Record<string, string>;
  /** Write uid as base-256 (GNU), for values that octal cannot hold. */
  base256Uid?: boolean;
  gnuLongName?: boolean;
  /** Corrupt the checksum of this header. */
  badChecksum?: boolean;
}

const enc = new TextEncoder();

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

function header(e: BuildEntry, name: string, type: string, size: number): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, offset: number, max: number) => h.set(enc.encode(text).subarray(0, max), offset);
  put(name, 0, 100);
  put(octal(e.mode ?? 0o644, 8), 100, 8);
  if (e.base256Uid) {
    h[108] = 0x80;
    const uid = e.uid ?? 0;
    for (let i = 0; i < 7; i++) h[115 - i] = Math.floor(uid / 256 ** i) % 256;
  } else put(octal(e.uid ?? 0, 8), 108, 8);
  put(octal(e.gid ?? 0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(e.mtime ?? 1_700_000_000, 12), 136, 12);
  put(type, 156, 1);
  put(e.linkname ?? '', 157, 100);
  put('ustar\u000000', 257, 8);
  put('root', 265, 32);
  put('root', 297, 32);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(e.badChecksum ? sum + 1 : sum, 7) + ' ', 148, 8);
  return h;
}

function padded(data: Uint8Array): Uint8Array[] {
  const pad = (512 - (data.length % 512)) % 512;
  return [data, new Uint8Array(pad)];
}

function paxBody(records: Record<string, string>): Uint8Array {
  let text = '';
  for (const [k, v] of Object.entries(records)) {
    const body = ` ${k}=${v}\n`;
    let len = enc.encode(body).length + 1;
    while (String(len).length + enc.encode(body).length !== len) len++;
    text += `${len}${body}`;
  }
  return enc.encode(text);
}

export function buildTar(entries: readonly BuildEntry[], options: { endMarker?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array(0));
    const type = e.type ?? '0';
    if (e.pax) {
      const body = paxBody(e.pax);
      parts.push(header({ name: 'PaxHeaders/x' }, 'PaxHeaders/x', 'x', body.length), ...padded(body));
    }
    if (e.gnuLongName) {
      const body = enc.encode(e.name + '\0');
      parts.push(header({ name: '././@LongLink' }, '././@LongLink', 'L', body.length), ...padded(body));
    }
    parts.push(header(e, e.name.slice(0, 100), type, type === '0' ? data.length : 0));
    if (type === '0') parts.push(...padded(data));
  }
  if (options.endMarker !== false) parts.push(new Uint8Array(1024));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
