/** The package's version, set by vite.config.ts `define`; undefined where the worker code runs without Vite. */
declare const __STRATA_VERSION__: string | undefined;
