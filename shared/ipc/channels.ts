/**
 * Channel names only, without zod, so the preload bundle stays small.
 *
 * Kept in step with contract.ts by a unit test; the preload exposes exactly these.
 */
export const REQUEST_CHANNELS = [
  'app:info',
  'files:template',
  'files:choose',
  'recent:list',
  'recent:open',
  'recent:clear',
  'import:open',
  'import:validate',
  'import:rows',
  'import:problems',
  'import:locate',
  'import:column',
  'import:plan',
  'import:planned',
  'import:edit',
  'import:transform',
  'import:revert',
  'batch:save',
  'batch:open',
  'jobs:start',
  'jobs:get',
  'jobs:cancel',
  'results:export',
  'export:run',
  'runs:list',
  'runs:get',
  'runs:rows',
  'runs:resume',
  'runs:export',
  'connections:list',
  'connections:save',
  'connections:test',
  'connections:remove',
] as const;

/** The one push channel main uses to send job events. */
export const EVENT_CHANNEL = 'jobs:event';

/** The push channel of app commands (menu clicks: open, go to a page…); see app-commands.ts. */
export const APP_COMMAND_CHANNEL = 'app:command';
