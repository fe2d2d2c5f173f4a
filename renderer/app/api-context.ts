import { createContext } from 'react';
import type { BatchlineApi } from '../../shared/ipc/api';

/**
 * The bridge to main, provided once at the root.
 *
 * Components reach it through `useApi()` instead of importing the bridge module, so a test
 * or a story can hand in a fake without stubbing globals.
 */
export const ApiContext = createContext<BatchlineApi | null>(null);
