import { PHONE_COUNTRIES } from './countries';

/** Props of {@link RememberedMappingNote}. */
export interface RememberedMappingNoteProps {
  /** The default country remembered with the mapping, if any (ISO code). */
  country?: string | undefined;
  onReset: () => void;
  disabled: boolean;
}

/**
 * Says the mapping came from the admin's last file with these columns, with a way back to
 * the automatic match: a remembered choice should never look like batchline's own guess.
 */
export function RememberedMappingNote({ country, onReset, disabled }: RememberedMappingNoteProps) {
  const countryName = country
    ? // "United Kingdom (+44)" in the select; the sentence needs the name only.
      (PHONE_COUNTRIES.find((option) => option.code === country)?.name.replace(/ \(\+\d+\)$/, '') ??
      country)
    : undefined;
  return (
    <p
      className="notice"
      style={{ background: 'var(--accent-soft)', borderColor: 'var(--accent)', marginTop: 10 }}
      data-testid="mapping-remembered"
    >
      Using the mapping you chose last time for these columns
      {countryName ? `, with phone numbers without “+” read as ${countryName} numbers` : ''}.{' '}
      <button
        type="button"
        className="btn btn-quiet"
        style={{ height: 'auto', padding: 0, color: 'var(--accent)', textDecoration: 'underline' }}
        onClick={onReset}
        disabled={disabled}
        data-testid="mapping-reset"
      >
        Reset to automatic
      </button>
    </p>
  );
}
