import { SANDBOX_TOKEN } from '../sandbox/sandbox-defaults';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-servers';
import { createRouter } from '../ipc/router';
import { staticToken } from '../services/http/token-source';
import { importHandlers } from '../ipc/import.ipc';
import { fileHandlers } from '../ipc/files.ipc';
import { editHandlers } from '../ipc/edit.ipc';
import { batchHandlers } from '../ipc/batch.ipc';
import { jobHandlers } from '../ipc/jobs.ipc';
import { runHandlers } from '../ipc/runs.ipc';
import { exportHandlers } from '../ipc/export.ipc';
import { connectionHandlers } from '../ipc/connections.ipc';
import { datasetCapabilities } from './dataset-capabilities';
import type { JobEvent } from '../../shared/ipc/contract';
import { createMappingMemory } from '../services/settings/mapping-memory';
import { SettingsStore } from '../services/settings/settings-store';
import { SESSION_ONLY_REASONS } from '../services/settings/encryptor';
import { SecretStore } from '../services/settings/secret-store';
import type { AppServicesOptions, DesktopServices } from './app-services';
import { ConnectionRegistry } from './connections';
import { SavedConnections } from './saved-connections';
import { createEventHub } from './event-hub';
import { JobRegistry } from './job-registry';
import { OpenFiles } from './open-files';
import { RecentFiles } from './recent-files';
import { windowStateStore } from './window-state';

const SANDBOX_LABELS = {
  zoom: 'Zoom Phone',
  webex: 'Webex Calling',
  portsip: 'PortSIP PBX',
} as const;

/** The demo workspaces' ids: Webex lists numbers per workspace, so an export needs them. */
function webexSandboxNote(webex: Sandbox['webex']): string {
  const ids = webex.state.list().map((workspace) => `${workspace.displayName}: ${workspace.id}`);
  return ['Demo workspaces:', ...ids].join('\n');
}

/**
 * Starts everything the app's handlers need and wires them to one router: the built-in
 * Sandbox (local simulators on loopback), open files, jobs and connections. Electron and
 * browser mode both call this; neither adds handlers of its own.
 */
export async function createAppServices(options: AppServicesOptions): Promise<DesktopServices> {
  const sandbox = await startSandbox();
  // settings.json in the data folder: Electron's userData, or the same folder in browser mode.
  const settings = await SettingsStore.open(options.dataDir, { log: options.log });
  const secrets =
    options.secrets ??
    SecretStore.sessionOnly(
      options.mode === 'browser'
        ? SESSION_ONLY_REASONS.browserMode
        : SESSION_ONLY_REASONS.noEncryptor,
      options.log,
    );
  const events = createEventHub();
  const files = new OpenFiles();
  const jobs = new JobRegistry();
  const connections = new ConnectionRegistry();
  // One Sandbox connection per target, always there; half the simulators' 20/s, so a push
  // shows pacing without meeting 429s unless a test asks for them.
  const sandboxUrls = {
    zoom: sandbox.zoom.url,
    webex: sandbox.webex.url,
    portsip: sandbox.portsip.url,
  };
  for (const target of ['zoom', 'webex', 'portsip'] as const) {
    connections.set({
      view: {
        id: `sandbox-${target}`,
        label: `Sandbox · ${SANDBOX_LABELS[target]}`,
        target,
        sandbox: true,
        ...(target === 'webex' ? { note: webexSandboxNote(sandbox.webex) } : {}),
      },
      connection: { baseUrl: sandboxUrls[target], auth: staticToken(SANDBOX_TOKEN) },
      maxRps: 10,
    });
  }
  for (const entry of options.extraConnections ?? []) {
    connections.set(entry);
  }
  // The connections added on the Connections page, their credentials in the secret store.
  const saved = new SavedConnections(connections, settings, secrets, options.log);
  saved.load();
  const jobDeps = {
    files,
    jobs,
    connections,
    dataDir: options.dataDir,
    emit: (event: JobEvent) => events.emit(event),
    log: options.log,
  };
  const memory = createMappingMemory(settings);
  const imports = importHandlers(files, memory, options.log);
  const recent = new RecentFiles(settings, { log: options.log });
  const router = createRouter(
    {
      async 'app:info'() {
        return {
          version: options.version,
          mode: options.mode,
          connections: connections.views(),
          datasets: datasetCapabilities(),
          keychain: secrets.status(),
          fileDialog: options.chooseFile !== undefined,
        };
      },
      ...imports,
      ...fileHandlers({ files, memory, recent, chooseFile: options.chooseFile, log: options.log }),
      // Also answers import:validate (its own wraps the one above): see edit.ipc.ts.
      ...editHandlers(files, options.log, imports['import:validate']),
      ...batchHandlers({ files }),
      ...jobHandlers(jobDeps),
      ...runHandlers(jobDeps),
      ...exportHandlers(connections),
      ...connectionHandlers(connections, saved),
    },
    options.log,
  );
  return {
    router,
    events,
    dataDir: options.dataDir,
    recentFiles: recent,
    windowState: windowStateStore(settings, options.log),
    async close() {
      jobs.cancelAll();
      await settings.flush();
      await secrets.flush();
      await sandbox.close();
    },
  };
}
