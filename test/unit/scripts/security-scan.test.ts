import { describe, expect, it } from 'vitest';
import { judgeFindings, type Finding } from '../../../scripts/security-scan';

const finding = (id: string, severity: string, file = 'main/electron/window.ts'): Finding => ({
  id,
  severity,
  confidence: 'FIRM',
  file,
  line: 3,
  sample: 'new BrowserWindow({',
});
const reason = 'Reviewed: the preload exposes named functions only.';

describe('judgeFindings', () => {
  it('fails on HIGH and MEDIUM findings the allow-list does not explain, not on LOW', () => {
    const failures = judgeFindings(
      [finding('A_CHECK', 'HIGH'), finding('B_CHECK', 'MEDIUM'), finding('C_CHECK', 'LOW')],
      [{ check: 'B_CHECK', file: 'main/electron/window.ts', reason }],
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^main\/electron\/window\.ts:3: A_CHECK \(HIGH, FIRM\) is not in/);
  });

  it('fails on stale entries and on entries without a real reason', () => {
    const failures = judgeFindings(
      [finding('B_CHECK', 'MEDIUM')],
      [
        { check: 'B_CHECK', file: 'main/electron/window.ts', reason: 'ok' },
        { check: 'B_CHECK', file: 'main/electron/menu.ts', reason },
      ],
    );
    expect(failures).toEqual([
      'security/electronegativity-allow.json[0]: needs a check, a file and a reason of 20+ characters',
      'security/electronegativity-allow.json: B_CHECK in main/electron/menu.ts matches no HIGH or MEDIUM finding any more: remove the entry',
    ]);
  });
});
