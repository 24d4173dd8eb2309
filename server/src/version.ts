/** Replaced at build time by esbuild (`define`) with package.json's version. */
declare const __BULKHEAD_VERSION__: string | undefined;
export const VERSION: string = typeof __BULKHEAD_VERSION__ === 'string' ? __BULKHEAD_VERSION__ : '0.0.0-dev';
