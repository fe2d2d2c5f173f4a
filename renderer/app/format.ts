/**
 * "1 request", "12 requests", "1,204 rows": a count with its noun, in the user's locale.
 *
 * English plurals only for now; every user-facing count goes through here so a later
 * translation has one place to change.
 */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${value.toLocaleString()} ${value === 1 ? singular : plural}`;
}
