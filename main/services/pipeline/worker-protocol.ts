import type { Kind, Mapping, Target } from '../../../shared/datasets/targets';
import type { ChunkTask } from '../../../shared/validation/packed-rows';
import type { ChunkKeys, ChunkOutcome } from '../../../shared/validation/validate-chunk';

/** A dataset by name and options: what a worker needs to build the same dataset. */
export interface DatasetSpec {
  target: Target;
  kind: Kind;
  defaultCountry?: string;
}

/** A validate worker's job: the dataset and how the sheet maps onto it. */
export interface ValidateWorkerConfig {
  dataset: DatasetSpec;
  headers: string[];
  mapping: Mapping;
}

/**
 * workerData of the pipeline's worker file: a validate worker checks chunks of rows; the
 * claims worker keeps the unique keys' first claims (one per sheet, fed in row order).
 */
export type WorkerConfig =
  | ({ role: 'validate' } & ValidateWorkerConfig)
  | { role: 'claims'; fields: number; expectedRows: number };

/** A request to a pipeline worker. */
export type WorkerRequest =
  | { id: number; task: ChunkTask }
  | { id: number; keys: ChunkKeys; rows: Int32Array; expectedRows: number };

/** What a pipeline worker posts back. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; outcome: ChunkOutcome }
  | { type: 'claimed'; id: number; hits: Int32Array }
  | { type: 'error'; id: number; message: string };
