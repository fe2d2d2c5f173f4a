import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { checkBaseUrl } from '../../shared/connections/base-url';
import { Target } from '../../shared/datasets/targets';
import type { ArgsOf, ConnectionDetail } from '../../shared/ipc/contract';
import type { Logger } from '../lib/logger';
import { DEFAULT_BASE_URLS, DEFAULT_MAX_RPS } from '../services/connectors/push-adapters';
import type { SecretStore } from '../services/settings/secret-store';
import type { SettingsStore } from '../services/settings/settings-store';
import {
  storedTokenSource,
  type StoredTokenSourceOptions,
} from '../services/settings/stored-token-source';
import type { ConnectionEntry, ConnectionRegistry } from './connections';

/** A saved connection as settings.json holds it: everything but the credential. */
export const SavedConnection = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  target: Target,
  label: z.string().min(1).max(80),
  baseUrl: z.string().min(1),
  authKind: z.enum(['bearer', 'zoom-oauth']),
  maxRps: z.number().positive(),
  perMinute: z.number().int().positive().optional(),
  accountId: z.string().optional(),
  orgId: z.string().optional(),
});
export type SavedConnection = z.infer<typeof SavedConnection>;

/**
 * The connections an admin added on the Connections page: the non-secret part in
 * settings.json, the credential in the secret store under the same id, and a live entry in
 * the registry pushes and exports use.
 *
 * In session-only mode nothing is written: the connection lasts as long as its credential.
 */
export class SavedConnections {
  private readonly saved = new Map<string, SavedConnection>();
  /** Ids settings.json holds (or will): not those added in session-only mode. */
  private readonly persisted = new Set<string>();

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
    private readonly log: Logger,
    private readonly tokenOptions: StoredTokenSourceOptions = {},
  ) {}

  /** Registers the connections settings.json holds; a bad entry is logged and skipped. */
  load(): void {
    for (const raw of this.settings.get().connections ?? []) {
      const parsed = SavedConnection.safeParse(raw);
      const url = parsed.success ? checkBaseUrl(parsed.data.baseUrl) : undefined;
      if (!parsed.success || !url?.ok) {
        this.log.warn('connections.skipped', { reason: 'a saved connection is not valid' });
        continue;
      }
      this.register(parsed.data);
      this.persisted.add(parsed.data.id);
    }
  }

  /** Every connection, the Sandbox ones first, as the Connections page lists them. */
  details(): ConnectionDetail[] {
    return this.registry.all().map((entry) => {
      const saved = this.saved.get(entry.view.id);
      const host = new URL(entry.connection.baseUrl).host;
      return {
        ...entry.view,
        baseUrl: entry.connection.baseUrl,
        host,
        authKind: saved?.authKind ?? 'bearer',
        authSaved: saved ? this.secrets.get(saved.id) !== undefined : true,
        maxRps: entry.maxRps,
        ...(saved?.perMinute === undefined ? {} : { perMinute: saved.perMinute }),
        ...(entry.options?.accountId === undefined ? {} : { accountId: entry.options.accountId }),
        ...(entry.options?.orgId === undefined ? {} : { orgId: entry.options.orgId }),
      };
    });
  }

  /** Adds or replaces a connection: credential first, so settings never name one without it. */
  async save(args: ArgsOf<'connections:save'>): Promise<ConnectionDetail> {
    const before = args.id === undefined ? undefined : this.saved.get(args.id);
    if (args.id !== undefined && !before) {
      throw this.registry.has(args.id)
        ? new AppError('USAGE', 'The Sandbox connections are built in and cannot be changed.')
        : new AppError('NOT_FOUND', `No saved connection "${args.id}".`);
    }
    if (before && before.target !== args.target) {
      throw new AppError(
        'USAGE',
        `${before.label} is a ${before.target} connection; add a new one for ${args.target}.`,
      );
    }
    if (!args.credential && !before) {
      throw new AppError('USAGE', 'Enter the credential this connection signs in with.');
    }
    if (args.credential?.kind === 'zoom-oauth' && args.target !== 'zoom') {
      throw new AppError('USAGE', 'Server-to-Server OAuth is for Zoom connections only.');
    }
    const rawUrl = args.baseUrl || DEFAULT_BASE_URLS[args.target];
    if (!rawUrl) {
      throw new AppError('USAGE', 'Enter the PBX base URL, like https://pbx.example.com:8887.');
    }
    const url = checkBaseUrl(rawUrl);
    if (!url.ok) {
      throw new AppError('USAGE', url.message);
    }
    const perMinute = args.target === 'portsip' ? args.perMinute : undefined;
    const saved: SavedConnection = {
      id: args.id ?? `${args.target}-${randomUUID().slice(0, 8)}`,
      target: args.target,
      label: args.label,
      baseUrl: url.url,
      authKind: args.credential?.kind ?? before!.authKind,
      maxRps:
        perMinute === undefined ? (args.maxRps ?? DEFAULT_MAX_RPS[args.target]) : perMinute / 60,
      ...(perMinute === undefined ? {} : { perMinute }),
      ...(args.target === 'zoom' && args.accountId ? { accountId: args.accountId } : {}),
      ...(args.target === 'webex' && args.orgId ? { orgId: args.orgId } : {}),
    };
    // A change without a credential keeps the one saved (it never leaves main to be re-sent).
    if (args.credential) {
      try {
        await this.secrets.set(saved.id, args.credential);
      } catch (caught) {
        throw new AppError('INTERNAL', 'The credential could not be saved to the keychain.', {
          cause: caught,
        });
      }
    }
    this.register(saved);
    if (this.secrets.mode === 'encrypted') {
      this.persisted.add(saved.id);
    }
    if (this.persisted.has(saved.id)) {
      await this.persist();
    }
    const detail = this.details().find((candidate) => candidate.id === saved.id);
    if (!detail) {
      throw new AppError('INTERNAL', 'The connection was saved but is not listed.');
    }
    return detail;
  }

  /** Removes a saved connection and forgets its credential; the Sandbox ones stay. */
  async remove(id: string): Promise<void> {
    if (!this.saved.has(id)) {
      throw this.registry.has(id)
        ? new AppError('USAGE', 'The Sandbox connections are built in and cannot be removed.')
        : new AppError('NOT_FOUND', `No saved connection "${id}".`);
    }
    this.saved.delete(id);
    this.registry.delete(id);
    if (this.persisted.delete(id)) {
      await this.persist();
    }
    await this.secrets.delete(id);
  }

  private register(saved: SavedConnection): void {
    this.saved.set(saved.id, saved);
    const entry: ConnectionEntry = {
      view: { id: saved.id, label: saved.label, target: saved.target, sandbox: false },
      connection: {
        baseUrl: saved.baseUrl,
        auth: storedTokenSource(this.secrets, saved.id, this.tokenOptions),
      },
      maxRps: saved.maxRps,
      options: {
        ...(saved.accountId === undefined ? {} : { accountId: saved.accountId }),
        ...(saved.orgId === undefined ? {} : { orgId: saved.orgId }),
      },
    };
    this.registry.set(entry);
  }

  /**
   * Writes the saved connections to settings.json. Those added in session-only mode are left
   * out: their credential will be gone after a restart, so they must be too.
   */
  private persist(): Promise<void> {
    const connections = [...this.saved.values()].filter((saved) => this.persisted.has(saved.id));
    return this.settings.update((current) => ({ ...current, connections }));
  }
}
