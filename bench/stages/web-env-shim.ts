/**
 * The worker's environment (src/worker/web-env.ts) as the stage page sees it. That file belongs to
 * the worker's TypeScript project, which the bench project may not pull in, so this module only
 * declares its two exports and Vite builds the stage page with this path aliased to the real file
 * (bench/run/build-sites.ts): the page measures the worker's own decoder and hasher.
 */
import type { ByteSource, CoreEnv } from '../../src/core';

export declare const webEnv: CoreEnv;
export declare function blobSource(blob: Blob, name: string): ByteSource;
