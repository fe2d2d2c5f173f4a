import { z } from 'zod';
import { Target } from '../datasets/targets';
import { ExportFormat } from '../results/export-format';
import {
  AppInfo,
  ConnectionDetail,
  ConnectionSignIn,
  ConnectionText,
  ExportedFile,
} from './app-views';
import { Dataset, FileCheck, Id } from './contract-common';
import { editChannels } from './contract-edit';
import { fileChannels } from './contract-files';
import { importChannels } from './contract-import';
import { runChannels } from './contract-runs';
import { batchChannels } from './contract-batch';
import { JobState } from './run-views';

export * from './app-views';
export * from './contract-batch';
export * from './contract-common';
export * from './contract-files';
export * from './contract-edit';
export * from './import-views';
export * from './run-views';
export * from './run-detail-views';

/**
 * The one contract between renderer and main: every request channel with the zod schemas
 * of its argument and its reply. Main parses the argument before any handler runs.
 */
export const contract = {
  ...importChannels,
  ...runChannels,
  ...fileChannels,
  ...editChannels,
  ...batchChannels,
  'app:info': { args: z.object({}).strict(), result: AppInfo },
  'jobs:start': {
    args: z
      .object({
        ...FileCheck,
        connectionId: Id,
        // Update records that exist with other values (default true), and the admin's
        // confirmation of a run that changes over 20% of them (default false).
        allowUpdates: z.boolean().optional(),
        confirmLarge: z.boolean().optional(),
        // The counts of the plan the admin was shown: the push stops, sending nothing, when
        // the plan made at push time differs (the target changed in between).
        expectedPlan: z
          .object({
            create: z.number().int().nonnegative(),
            update: z.number().int().nonnegative(),
            unchanged: z.number().int().nonnegative(),
            conflict: z.number().int().nonnegative(),
            invalid: z.number().int().nonnegative(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    result: z.object({ jobId: Id }),
  },
  'jobs:get': { args: z.object({ jobId: Id }).strict(), result: JobState },
  'jobs:cancel': {
    args: z.object({ jobId: Id }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  'results:export': {
    args: z.object({ jobId: Id, which: z.enum(['all', 'failed']), format: ExportFormat }).strict(),
    result: ExportedFile,
  },
  'export:run': {
    args: z
      .object({
        ...Dataset,
        connectionId: Id,
        format: ExportFormat,
        // Webex workspace numbers: the workspaces to read (the API lists numbers per workspace).
        workspaceIds: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
        // Zoom internal numbers: `me` or a sub account.
        accountId: z.string().trim().min(1).max(200).optional(),
        // The list API's own filters; unknown names are refused by the exporter, by name.
        filters: z.record(z.string().min(1).max(60), z.string().max(500)).optional(),
      })
      .strict(),
    result: ExportedFile.extend({ rows: z.number().int().nonnegative() }),
  },
  // The Connections page: every connection, the Sandbox ones included; never a credential.
  'connections:list': {
    args: z.object({}).strict(),
    result: z.object({ connections: z.array(ConnectionDetail) }),
  },
  // Adds a connection, or replaces a saved one (`id`). The credential goes to the keychain.
  // maxRps, or for PortSIP perMinute (its quota); the target's published rate by default.
  'connections:save': {
    args: z
      .object({
        id: Id.optional(),
        target: Target,
        label: z.string().trim().min(1).max(80),
        // Optional for Zoom and Webex (their public APIs); PortSIP has no default.
        baseUrl: z.string().trim().max(500).optional(),
        // Absent when changing a saved connection (`id`): the credential saved for it stays.
        credential: ConnectionSignIn.optional(),
        maxRps: z.number().positive().max(1000).optional(),
        perMinute: z.number().int().positive().max(1_000_000).optional(),
        accountId: ConnectionText.optional(),
        orgId: ConnectionText.optional(),
      })
      .strict(),
    result: ConnectionDetail,
  },
  // One cheap authenticated read through the connector stack; a failure is an answer, not an error.
  'connections:test': {
    args: z.object({ id: Id }).strict(),
    result: z.object({
      ok: z.boolean(),
      message: z.string(),
      latencyMs: z.number().nonnegative(),
    }),
  },
  'connections:remove': {
    args: z.object({ id: Id }).strict(),
    result: z.object({ removed: z.boolean() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.infer<Contract[C]['args']>;
export type ReplyOf<C extends Channel> = z.infer<Contract[C]['result']>;
