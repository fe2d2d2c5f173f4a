/**
 * Countries offered for phone numbers written without a "+", most common first.
 *
 * Not exhaustive on purpose: a short list is faster to pick from, and numbers in any other
 * country can be written in international form.
 */
export const PHONE_COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'US', name: 'United States / Canada (+1)' },
  { code: 'GB', name: 'United Kingdom (+44)' },
  { code: 'AU', name: 'Australia (+61)' },
  { code: 'DE', name: 'Germany (+49)' },
  { code: 'FR', name: 'France (+33)' },
  { code: 'IE', name: 'Ireland (+353)' },
  { code: 'NL', name: 'Netherlands (+31)' },
  { code: 'ES', name: 'Spain (+34)' },
  { code: 'IT', name: 'Italy (+39)' },
  { code: 'IN', name: 'India (+91)' },
  { code: 'JP', name: 'Japan (+81)' },
  { code: 'SG', name: 'Singapore (+65)' },
  { code: 'NZ', name: 'New Zealand (+64)' },
  { code: 'BR', name: 'Brazil (+55)' },
  { code: 'MX', name: 'Mexico (+52)' },
];
