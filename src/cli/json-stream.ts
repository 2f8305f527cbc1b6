/**
 * JSON written piece by piece, exactly as JSON.stringify(value, null, 2) spells it, so that a
 * list of millions of paths is never one string (docs/conventions.md#streaming-never-slurping).
 * Pieces are gathered into ~64 KiB writes.
 */
const FLUSH_AT = 64 * 1024;

export class JsonWriter {
  private buffered: string[] = [];
  private length = 0;

  constructor(private readonly sink: (text: string) => void) {}

  text(piece: string): void {
    this.buffered.push(piece);
    this.length += piece.length;
    if (this.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buffered.length === 0) return;
    this.sink(this.buffered.join(''));
    this.buffered = [];
    this.length = 0;
  }

  /** One value at an indentation (the parent's, as JSON.stringify nests). Our own data nests a few levels. */
  value(value: unknown, indent = ''): void {
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.text('[]');
        return;
      }
      this.text('[');
      value.forEach((item: unknown, i) => {
        this.text(`${i === 0 ? '' : ','}\n${indent}  `);
        this.value(item === undefined ? null : item, `${indent}  `);
      });
      this.text(`\n${indent}]`);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
      if (entries.length === 0) {
        this.text('{}');
        return;
      }
      this.text('{');
      entries.forEach(([key, item], i) => {
        this.text(`${i === 0 ? '' : ','}\n${indent}  ${JSON.stringify(key)}: `);
        this.value(item, `${indent}  `);
      });
      this.text(`\n${indent}}`);
    } else {
      // What JSON cannot hold is written as JSON.stringify writes it inside an array: null.
      const missing = value === undefined || typeof value === 'function' || typeof value === 'symbol';
      this.text(missing ? 'null' : JSON.stringify(value));
    }
  }
}
