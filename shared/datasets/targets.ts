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

/** Field key → source header text. Unmapped fields are absent. */
export const Mapping = z.record(z.string(), z.string());
export type Mapping = z.infer<typeof Mapping>;
