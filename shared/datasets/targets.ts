import { z } from 'zod';

/** The phone systems batchline provisions (DESIGN.md, "Targets and datasets"). */
export const Target = z.enum(['zoom', 'webex', 'portsip']);
export type Target = z.infer<typeof Target>;

/** The datasets a target can import or export. */
export const Kind = z.enum([
  'users',
  'internal-numbers',
  'workspace-numbers',
  'roles',
  'groups',
  'group-members',
]);
export type Kind = z.infer<typeof Kind>;

/** Most fields a mapping may name; every dataset has far fewer (the bound is for hostile input). */
export const MAX_MAPPING_ENTRIES = 1000;

/**
 * Field key → source header text. Unmapped fields are absent.
 *
 * Bounded generously (a spreadsheet header is never 10,000 characters) so a hostile renderer
 * cannot make main hold, check or remember a mapping of millions of entries.
 */
export const Mapping = z
  .record(z.string().max(200), z.string().max(10_000))
  .refine((mapping) => Object.keys(mapping).length <= MAX_MAPPING_ENTRIES, {
    message: `A mapping names at most ${MAX_MAPPING_ENTRIES} fields.`,
  });
export type Mapping = z.infer<typeof Mapping>;
