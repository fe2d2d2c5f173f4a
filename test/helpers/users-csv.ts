/** Writes `count` valid Zoom Phone users as an HR-style CSV (headers the mapper must match). */
export function validUsersCsv(
  count: number,
  options: { firstRow?: number; extensionStart?: number } = {},
): string {
  const start = options.firstRow ?? 1;
  const extensionStart = options.extensionStart ?? 5000;
  const lines = ['Work Email,Given Name,Surname,Ext,Calling Plan,Site'];
  for (let i = 0; i < count; i += 1) {
    const n = start + i;
    lines.push(
      `new.user${n}@example.com,New,User ${n},${extensionStart + i},US/CA Unlimited Calling,Main Office`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
