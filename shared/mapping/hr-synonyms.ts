import type { DatasetDef } from '../datasets/dataset';
import type { HeaderHints } from '../table/find-header-row';

type Synonyms = Readonly<Record<string, readonly string[]>>;

/**
 * HR-export headers the datasets' own synonyms lack, by `target/kind` and field key; matched
 * after normalising like the rest. Deliberately absent, so they stay unmapped: Employee ID
 * (not an extension), Mobile / Cell / Home Phone (a mobile is not a Zoom DID), Cost Center,
 * Department, Manager, Job Title (no Zoom batch field takes them).
 */
const HR_SYNONYMS: Readonly<Record<string, Synonyms>> = {
  'zoom/users': {
    email: [
      'Email (Work)',
      'Corporate Email',
      'Company Email',
      'Office Email',
      'Business Email Address',
      'Work Mail',
      'Email ID',
      'Zoom Login',
    ],
    first_name: [
      'Given Names',
      'First Name (Legal)',
      'Legal Given Name',
      'Christian Name',
      'FName',
    ],
    last_name: ['Last Name (Legal)', 'Legal Surname', 'Preferred Last Name', 'LName'],
    extension_number: [
      'Phone Ext',
      'Extn',
      'Ext No',
      'Work Extension',
      'Office Extension',
      'Desk Extension',
      'Internal Extension',
      'Telephone Extension',
    ],
    phone_numbers: [
      'Work Phone Number',
      'Office Phone Number',
      'Business Phone Number',
      'Phone Number (Work)',
      'Work Telephone',
      'Work Number',
      'Direct Phone',
      'Direct Dial In',
      'Direct Dial Number',
      'DID Number',
      'DDI Number',
    ],
    calling_plans: [
      'Zoom Phone License',
      'Zoom License',
      'Zoom Phone Plan',
      'Calling Plan Name',
      'Calling Plan Type',
      'License Type',
      'Licence Type',
      'Phone Licence',
    ],
    site_name: [
      'Office Name',
      'Location Name',
      'Branch Name',
      'Site Location',
      'Work Site',
      'Office Site',
    ],
    outbound_caller_id: [
      'Outbound CLI',
      'CLID',
      'Presentation Number',
      'Outgoing Caller ID',
      'Caller ID (Outbound)',
    ],
    desk_phone_brand: [
      'Handset Brand',
      'Handset Manufacturer',
      'Phone Make',
      'Device Manufacturer',
    ],
    desk_phone_model: ['Handset Model', 'Desk Phone Type'],
    desk_phone_mac: [
      'Desk Phone MAC Address',
      'Phone MAC Address',
      'Device MAC Address',
      'Handset MAC',
      'Handset MAC Address',
      'Hardware Address',
      'MAC ID',
    ],
  },
};

/**
 * A dataset's fields with the names sheets give them: the dataset's own synonyms plus the
 * HR-export names above. What the automatic mapping and header-row detection match against.
 */
export function fieldNames(dataset: Pick<DatasetDef, 'target' | 'kind' | 'fields'>): HeaderHints {
  const extra = HR_SYNONYMS[`${dataset.target}/${dataset.kind}`] ?? {};
  return {
    fields: dataset.fields.map((field) => ({
      key: field.key,
      label: field.label,
      synonyms: [...field.synonyms, ...(extra[field.key] ?? [])],
    })),
  };
}
