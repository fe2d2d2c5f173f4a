import type { BuildOptions } from 'esbuild';

/** How the CLI is bundled (see cli-bundle-options.mjs). */
export declare const cliBundleOptions: BuildOptions;
