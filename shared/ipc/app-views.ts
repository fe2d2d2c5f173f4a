import { z } from 'zod';
import { Kind, Target } from '../datasets/targets';
import { Id } from './contract-common';

export const ConnectionView = z.object({
  id: Id,
  label: z.string(),
  target: Target,
  sandbox: z.boolean(),
  /** What an admin needs to know to use it, e.g. the Sandbox's demo workspace ids. */
  note: z.string().optional(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

/**
 * A connection as the Connections page lists it: where it points and how it signs in, never
 * the credential itself. `authSaved` is false when main holds no credential for it (one
 * saved on another computer, or a keychain that changed): remove it and add it again.
 */
export const ConnectionDetail = ConnectionView.extend({
  baseUrl: z.string(),
  host: z.string(),
  authKind: z.enum(['bearer', 'zoom-oauth']),
  authSaved: z.boolean(),
  maxRps: z.number().positive(),
  /** PortSIP: the PBX's per-minute request quota the rate was derived from. */
  perMinute: z.number().int().positive().optional(),
  /** Zoom: the sub account pushes and exports act on by default. */
  accountId: z.string().optional(),
  /** Webex: the organisation (partner admins acting on a customer's org). */
  orgId: z.string().optional(),
});
export type ConnectionDetail = z.infer<typeof ConnectionDetail>;

export const ConnectionText = z.string().trim().min(1).max(200);
/** What a new connection signs in with; kept by main in the keychain and never sent back. */
export const ConnectionSignIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), token: z.string().trim().min(1).max(8192) }).strict(),
  z
    .object({
      kind: z.literal('zoom-oauth'),
      accountId: ConnectionText,
      clientId: ConnectionText,
      clientSecret: z.string().trim().min(1).max(1000),
    })
    .strict(),
]);
export type ConnectionSignIn = z.infer<typeof ConnectionSignIn>;

/** What an export of a dataset asks for besides the connection: the Export page's boxes. */
export const ExportInputs = z.object({
  /** Webex workspace numbers: the API reads numbers one workspace at a time. */
  workspaceIds: z.boolean(),
  /** Zoom internal numbers: `me` or a sub account. */
  accountId: z.boolean(),
  /** The filters the export takes (NAME=VALUE, as the CLI's --filter); others are refused. */
  filters: z.array(z.string()),
});
export type ExportInputs = z.infer<typeof ExportInputs>;

/**
 * A target × dataset this version knows, and what it can do with it; `exportInputs` (when
 * `export`) is what its exporter declares it needs and takes.
 */
export const DatasetCapability = z.object({
  target: Target,
  kind: Kind,
  title: z.string(),
  push: z.boolean(),
  export: z.boolean(),
  exportInputs: ExportInputs.optional(),
});
export type DatasetCapability = z.infer<typeof DatasetCapability>;

/**
 * Where connection credentials are kept: 'encrypted' on disk through the OS keychain
 * (Electron safeStorage), or 'session-only' in memory, with the reason the app shows.
 * `problem` says saved credentials could not be read at start. Never a credential itself.
 * (Named `keychain`, not "secret…": reply fields named like credentials are refused by
 * test/unit/shared/ipc/contract-no-secrets.test.ts.)
 */
export const KeychainStatus = z.object({
  mode: z.enum(['encrypted', 'session-only']),
  reason: z.string().optional(),
  problem: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  connections: z.array(ConnectionView),
  datasets: z.array(DatasetCapability),
  keychain: KeychainStatus,
  /** Main opens files through the system's open dialog (the desktop app), keeping Recent. */
  fileDialog: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * A file main made for the renderer to save (template, results): CSV travels as its text
 * (`encoding: 'utf8'`), XLSX as its bytes in base64 (`encoding: 'base64'`).
 */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
