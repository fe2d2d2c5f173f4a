import { describe, expect, it } from 'vitest';
import {
  groupRow,
  PORTSIP_GROUPS_EXPORT_HEADERS,
} from '../../../../main/services/connectors/portsip/portsip-groups-export';

const callerIds = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    caller_id: `41555501${i}0`,
    provider_id: 'NzAw',
    description: '',
  }));

describe('PortSIP groups export rows', () => {
  it('writes caller IDs into the numbered slots and leaves the rest empty', () => {
    const row = groupRow({
      id: 'g1',
      name: 'Sales',
      description: 'Team',
      outbound_caller_ids: callerIds(2),
    });
    const cell = (key: string) => row[PORTSIP_GROUPS_EXPORT_HEADERS.indexOf(key)];
    expect(cell('name')).toBe('Sales');
    expect(cell('outbound_caller_id_2')).toBe('4155550110');
    expect(cell('outbound_caller_id_2_provider_id')).toBe('NzAw');
    expect(cell('outbound_caller_id_3')).toBe('');
    expect(row).toHaveLength(PORTSIP_GROUPS_EXPORT_HEADERS.length);
  });

  it('refuses a group with more caller IDs than the sheet has slots, naming it, rather than drop some', () => {
    expect(() => groupRow({ id: 'g1', name: 'Big', outbound_caller_ids: callerIds(6) })).toThrow(
      /group "Big" has 6 outbound caller IDs; a groups sheet holds at most 5/,
    );
  });
});
