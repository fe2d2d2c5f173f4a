import { describe, expect, it } from 'vitest';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import type { DatasetDef } from '../../../../shared/datasets/dataset';
import type { RowIssue } from '../../../../shared/table/row-issue';
import { createRowCheck } from '../../../../shared/validation/row-check';
import { recordParserOf } from '../../../../shared/validation/record-parser';
import { random, randomRecord, ZOOM_KEYS } from './random-users';

const columns = ZOOM_KEYS.map((key, index) => ({ key, header: `H ${key}`, index }));

describe("the Zoom dataset's direct record parser", () => {
  for (const country of ['US', 'GB', undefined]) {
    it(`gives what the zod schema of record gives, on 8,000 random rows (country ${country ?? 'none'})`, () => {
      const dataset = createZoomUsersDataset(country ? { defaultCountry: country } : {});
      expect(recordParserOf(dataset)).toBeTypeOf('function');
      // The same dataset without the direct parser: the row check then goes through zod.
      const throughZod: DatasetDef = { ...dataset, parseRecord: undefined } as DatasetDef;
      expect(recordParserOf(throughZod)).toBeUndefined();
      const direct = createRowCheck(dataset, columns);
      const zod = createRowCheck(throughZod, columns);
      const rnd = random(country ? country.charCodeAt(0) : 3);
      let failed = 0;
      for (let i = 0; i < 8_000; i++) {
        const record = randomRecord(rnd);
        const cells = ZOOM_KEYS.map((key) => record[key] ?? '');
        const viaDirect: RowIssue[] = [];
        const viaZod: RowIssue[] = [];
        const a = direct(i + 2, cells, viaDirect);
        const b = zod(i + 2, cells, viaZod);
        expect(a).toEqual(b);
        expect(viaDirect).toEqual(viaZod);
        if (a === undefined) {
          failed++;
        }
      }
      // Both outcomes are exercised.
      expect(failed).toBeGreaterThan(500);
      expect(failed).toBeLessThan(8_000);
    });
  }
});
