import ExcelJS from 'exceljs';

/** The sheets of {@link teamWorkbook}, in tab order. */
export const TEAM_SHEETS = {
  /** Visible, first: header on row 1, three people. */
  sales: 'Sales',
  /** Hidden: last year's list, never read unless chosen. */
  old: 'Old Sales',
  /** Visible, second: two title rows and a blank row above the header on row 4; four people. */
  support: 'Support',
} as const;

const USERS = [
  ['Ana', 'Silva', '4001'],
  ['Ben', 'Okafor', '4002'],
  ['Chloé', 'Martin', '4003'],
  ['Dev', 'Patel', '4004'],
] as const;

/**
 * A Zoom users workbook of two visible sheets and a hidden one between them, as HR teams
 * send them: one team per tab, the second tab with a title block above its header. Built
 * with exceljs (what most generators write) for the import:open and e2e tests.
 */
export async function teamWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const header = ['Work Email', 'Given Name', 'Surname', 'Ext', 'Calling Plan'];
  const row = ([first, last, ext]: readonly string[], domain: string) => [
    `${(last ?? '').toLowerCase()}@${domain}`,
    first,
    last,
    ext,
    'US/CA Unlimited Calling',
  ];
  workbook
    .addWorksheet(TEAM_SHEETS.sales)
    .addRows([header, ...USERS.slice(0, 3).map((user) => row(user, 'sales.example.com'))]);
  workbook
    .addWorksheet(TEAM_SHEETS.old, { state: 'hidden' })
    .addRows([header, row(['Old', 'Timer', '3999'], 'sales.example.com')]);
  const support = workbook.addWorksheet(TEAM_SHEETS.support);
  support.getCell('A1').value = 'Q3 onboarding — Support';
  support.getCell('A2').value = 'Generated 2026-11-01';
  support.getRow(4).values = header;
  USERS.forEach((user, index) => {
    support.getRow(5 + index).values = row(user, 'support.example.com');
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
