import type { ReactNode } from 'react';

/** Props of {@link ReadOption}. */
export interface ReadOptionProps {
  id: string;
  label: string;
  badge?: ReactNode;
  children: ReactNode;
}

/** One choice of the File panel (sheet, encoding, delimiter, header row): a label and its control. */
export function ReadOption({ id, label, badge, children }: ReadOptionProps) {
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={id} className="field-label">
        {label}
        {badge}
      </label>
      {children}
    </div>
  );
}
