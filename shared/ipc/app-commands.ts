import { z } from 'zod';
import { Id } from './contract-common';

/** The app's top-level pages, as commands and the header name them. */
export const AppPage = z.enum(['import', 'runs', 'connections', 'export']);
export type AppPage = z.infer<typeof AppPage>;

/**
 * What the native menu (or a keyboard shortcut in browser mode) asks the renderer to do.
 *
 * Main sends these on the `app:command` event channel; the renderer parses each with this
 * schema and ignores anything else, since a command is a request to act, not data to trust.
 * Recent files travel by opaque id only: their paths stay in main.
 */
export const AppCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('go'), page: AppPage }).strict(),
  z.object({ type: z.literal('new-import') }).strict(),
  z.object({ type: z.literal('open-file') }).strict(),
  z.object({ type: z.literal('open-recent'), id: Id }).strict(),
  z.object({ type: z.literal('clear-recent') }).strict(),
  z.object({ type: z.literal('save-batch') }).strict(),
]);
export type AppCommand = z.infer<typeof AppCommand>;

/** The names of {@link AppCommand}, for registries keyed by command. */
export type AppCommandType = AppCommand['type'];
