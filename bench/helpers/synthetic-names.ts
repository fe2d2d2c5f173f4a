/**
 * Names and sites for the benches' synthetic sheets: accented, CJK and plain, so files carry
 * multi-byte UTF-8 across chunk boundaries, and sites with commas that need quoting.
 */
export const FIRST = [
  'Alice',
  'Chloé',
  'José',
  'Zoë',
  'Łukasz',
  'Søren',
  '王',
  '美咲',
  'Dev',
  'Amara',
];
export const LAST = [
  'Ng',
  'Müller',
  'García',
  'Ångström',
  'Nowak',
  '李',
  '田中',
  'Patel',
  'Okafor',
  'Kim',
];
export const SITES = ['Main Office', 'San Francisco, CA', 'Remote', '東京オフィス', 'New York'];
