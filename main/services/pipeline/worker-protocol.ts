import type { Kind, Mapping, Target } from '../../../shared/datasets/targets';
import type { ChunkOutcome } from '../../../shared/validation/validate-chunk';

/** A dataset by name and options: what a worker needs to build the same dataset. */
export interface DatasetSpec {
  target: Target;
  kind: Kind;
  defaultCountry?: string;
}

/** A validate worker's workerData: the dataset and how the sheet maps onto it. */
export interface ValidateWorkerConfig {
  dataset: DatasetSpec;
  headers: string[];
  mapping: Mapping;
}

/** What a validate worker posts back. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; outcome: ChunkOutcome }
  | { type: 'error'; id: number; message: string };
