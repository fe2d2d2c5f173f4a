const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * A header reduced to what a person means by it, for comparing headers with each other.
 *
 * Trims, turns NBSP into a space, drops accents (NFKD, then combining marks), casefolds and
 * turns every run of punctuation, underscores, hyphens and spaces into one space:
 * " E-mail\u00a0Address " → "e mail address", "first_name" → "first name", "Prénom" → "prenom".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\u00a0/g, ' ')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/**
 * The key headers are matched to fields by: the normalised header without spaces.
 *
 * Dropping the spaces lets "E-mail" meet "email" and "FirstName" meet "first_name", which
 * HR exports spell every way there is.
 */
export function headerMatchKey(header: string): string {
  return normaliseHeader(header).replace(/ /g, '');
}
