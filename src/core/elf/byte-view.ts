/**
 * Endian-aware integer reads over a byte slice. 64-bit values become numbers; anything at or above 2^53 (only a
 * hostile file has such offsets) saturates to MAX_SAFE_INTEGER so every range check downstream fails cleanly.
 */
export class ByteView {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  has(offset: number, size: number): boolean {
    return offset >= 0 && size >= 0 && offset + size <= this.bytes.length;
  }

  u8(offset: number): number {
    return this.bytes[offset] ?? 0;
  }

  u16(offset: number): number {
    return this.has(offset, 2) ? this.view.getUint16(offset, this.littleEndian) : 0;
  }

  u32(offset: number): number {
    return this.has(offset, 4) ? this.view.getUint32(offset, this.littleEndian) : 0;
  }

  i32(offset: number): number {
    return this.has(offset, 4) ? this.view.getInt32(offset, this.littleEndian) : 0;
  }

  u64(offset: number): number {
    if (!this.has(offset, 8)) return 0;
    const lo = this.view.getUint32(offset + (this.littleEndian ? 0 : 4), this.littleEndian);
    const hi = this.view.getUint32(offset + (this.littleEndian ? 4 : 0), this.littleEndian);
    if (hi >= 0x200000) return Number.MAX_SAFE_INTEGER;
    return hi * 0x100000000 + lo;
  }

  /** A word of the file's class: u32 for ELF32, u64 for ELF64. */
  word(offset: number, is64: boolean): number {
    return is64 ? this.u64(offset) : this.u32(offset);
  }
}
