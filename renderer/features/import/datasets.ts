import type { Kind, Target } from '../../../shared/datasets/targets';

/** A target × dataset the app can import today, with the words the screens use for it. */
export interface DatasetChoice {
  id: string;
  target: Target;
  kind: Kind;
  /** "Zoom Phone" */
  targetLabel: string;
  /** "Users" */
  kindLabel: string;
  /** Plural noun for counts and buttons: "Push 12 valid users". */
  itemNoun: string;
  description: string;
}

/** Zoom Phone users: the first dataset with a full flow, and the one selected at start. */
export const ZOOM_USERS: DatasetChoice = {
  id: 'zoom-users',
  target: 'zoom',
  kind: 'users',
  targetLabel: 'Zoom Phone',
  kindLabel: 'Users',
  itemNoun: 'users',
  description: 'Add phone users with their extension, direct numbers, calling plan and site.',
};

/**
 * The datasets offered on the start screen: only those that work end to end in the app.
 *
 * Others join this list as their flows land; the start screen never shows a disabled one.
 */
export const IMPORT_DATASETS: readonly DatasetChoice[] = [ZOOM_USERS];

/** The human name of a target, for the header and messages. */
export function targetLabel(target: Target): string {
  switch (target) {
    case 'zoom':
      return 'Zoom Phone';
    case 'webex':
      return 'Webex Calling';
    case 'portsip':
      return 'PortSIP PBX';
  }
}
