// Types for build/after-pack.mjs (plain JS so electron-builder can import it without tsx).
import type { FuseV1Options } from '@electron/fuses';

export type FuseName = keyof typeof FuseV1Options;
export declare const ELECTRON_FUSES: Readonly<Partial<Record<FuseName, boolean>>>;
export declare function fuseConfig(platformName: string): Record<string, unknown>;
export default function afterPack(context: unknown): Promise<void>;
