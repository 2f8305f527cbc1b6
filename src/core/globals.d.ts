/**
 * The few web-platform globals the core uses, which both Node and Web Workers provide. Declared here because
 * the core compiles without the DOM lib (docs/conventions.md#no-dom-in-the-core), so nothing else can slip
 * in.
 */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
}
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}
interface AbortSignal {
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
