import { useContext } from 'react';
import type { BatchlineApi } from '../../shared/ipc/api';
import { ApiContext } from './api-context';

/**
 * The typed bridge to main (`api.import.open(args)` and friends).
 *
 * Throws when used outside `ApiContext`: that is a wiring bug, not a runtime condition.
 */
export function useApi(): BatchlineApi {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('useApi() needs an <ApiContext> above it.');
  }
  return api;
}
