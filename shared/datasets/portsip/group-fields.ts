import type { FieldDef } from '../dataset';

/**
 * How many outbound caller IDs a groups sheet holds: numbered column sets
 * outbound_caller_id_N, outbound_caller_id_N_provider_id, outbound_caller_id_N_description.
 * A group has about one per trunk provider; five leaves room, and the export refuses a group
 * with more rather than write a sheet that would drop some when pushed back.
 */
export const MAX_CALLER_IDS = 5;

/** The three columns of caller ID slot `n` (1-based). */
export function callerIdColumns(n: number): {
  callerId: string;
  providerId: string;
  description: string;
} {
  const base = `outbound_caller_id_${n}`;
  return { callerId: base, providerId: `${base}_provider_id`, description: `${base}_description` };
}

/** Slot numbers 1..MAX_CALLER_IDS. */
export const CALLER_ID_SLOTS: readonly number[] = Array.from(
  { length: MAX_CALLER_IDS },
  (_, index) => index + 1,
);

function callerIdFields(n: number): FieldDef[] {
  const columns = callerIdColumns(n);
  return [
    {
      key: columns.callerId,
      label: `Outbound caller ID ${n}`,
      required: false,
      description: `Caller ID ${n} shown on the group's outgoing calls. Any caller ID column filled makes the row set the group's whole list (slots in order; empty slots skipped); all empty leaves an existing group's list as it is.`,
      example: n === 1 ? '4155550100' : '',
      synonyms: [`Caller ID ${n}`, `Outbound Number ${n}`],
    },
    {
      key: columns.providerId,
      label: `Caller ID ${n} provider ID`,
      required: false,
      description: `The id of the trunk provider caller ID ${n} goes out through (as GET /api/groups/{id} shows it).`,
      example: '',
      synonyms: [`Caller ID ${n} Provider`, `Caller ID ${n} Trunk`],
    },
    {
      key: columns.description,
      label: `Caller ID ${n} description`,
      required: false,
      description: `A note on caller ID ${n}.`,
      example: '',
      synonyms: [`Caller ID ${n} Label`],
    },
  ];
}

/** The columns of a PortSIP user groups sheet (POST /api/groups), in template order. */
export const PORTSIP_GROUP_FIELDS: readonly FieldDef[] = [
  {
    key: 'name',
    label: 'Group name',
    required: true,
    description:
      'The user group name; unique with case ignored. It identifies the group on re-import.',
    example: 'Sales',
    synonyms: ['Group', 'Group Name', 'User Group', 'Team', 'Team Name'],
  },
  {
    key: 'description',
    label: 'Description',
    required: false,
    description: "The group's description; empty leaves an existing group's description as it is.",
    example: 'Inside sales team',
    synonyms: ['Group Description', 'Notes', 'Comment'],
  },
  ...CALLER_ID_SLOTS.flatMap(callerIdFields),
];
