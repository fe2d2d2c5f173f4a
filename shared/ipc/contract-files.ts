import { z } from 'zod';
import { Dataset, Id } from './contract-common';
import { importChannels } from './contract-import';
import { ImportPreview } from './import-views';

/**
 * A file in the Recent list as the renderer sees it: an opaque id, the file's name and the
 * last segment of its folder (to tell two hr.csv apart). Never the path: paths stay in main.
 */
export const RecentFile = z.object({
  id: Id,
  name: z.string(),
  folder: z.string(),
});
export type RecentFile = z.infer<typeof RecentFile>;

/** A file main opened from disk: its Recent id (to read it again) and what was read. */
export const OpenedFromDisk = z.object({ recentId: Id, preview: ImportPreview });
export type OpenedFromDisk = z.infer<typeof OpenedFromDisk>;

/** The choices import:open takes (encoding, delimiter, header row…), for a file main reads. */
const ReadChoiceArgs = importChannels['import:open'].args.omit({
  target: true,
  kind: true,
  fileName: true,
  dataBase64: true,
});

/** The channels of choosing files in main's dialog and of the Recent list (see contract.ts). */
export const fileChannels = {
  // Shows the system's open dialog (desktop app only); the chosen file joins Recent.
  'files:choose': {
    args: z.object(Dataset).strict(),
    result: z.discriminatedUnion('cancelled', [
      z.object({ cancelled: z.literal(true) }),
      OpenedFromDisk.extend({ cancelled: z.literal(false) }),
    ]),
  },
  // The Recent list, most recent first, and whether main has a dialog (browser mode has
  // none: the renderer uses its file input, and the list stays empty).
  'recent:list': {
    args: z.object({}).strict(),
    result: z.object({ files: z.array(RecentFile), nativeDialog: z.boolean() }),
  },
  // Opens a Recent file again, with read choices when the admin reopens it with others.
  'recent:open': {
    args: ReadChoiceArgs.extend({ ...Dataset, id: Id }).strict(),
    result: ImportPreview,
  },
  'recent:clear': {
    args: z.object({}).strict(),
    result: z.object({ cleared: z.number().int().nonnegative() }),
  },
} as const;
