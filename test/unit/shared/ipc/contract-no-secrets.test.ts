import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { JobEvent, contract } from '../../../../shared/ipc/contract';

// BAD-INPUTS case 33, "no token ever crosses IPC": a cheap structural guard. Every reply and
// every event the renderer can receive is walked, and no field may be named like a
// credential. (The secrets scan, test/integration/security/secrets-scan.test.ts, checks the
// values that actually cross.)

const CREDENTIAL_NAME =
  /token|secret|password|passwd|authorization|credential|api_?key|cookie|bearer/i;
/** Paging cursors are named "token" by the vendors but are not credentials. */
const PAGING_CURSOR = /^(next_?)?page_?token$/i;

function looksLikeCredential(path: string): boolean {
  const name = path.split('.').pop() ?? '';
  return CREDENTIAL_NAME.test(name) && !PAGING_CURSOR.test(name);
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Every object key reachable in a schema, as dotted paths; record keys are reported as `{}`. */
function fieldPaths(schema: z.ZodType, at: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) {
    return [];
  }
  seen.add(schema);
  const def = defOf(schema);
  const children: [string, z.ZodType | null | undefined][] = [];
  const out: string[] = [];
  if (def.shape) {
    for (const [key, inner] of Object.entries(def.shape)) {
      out.push(`${at}.${key}`);
      children.push([`${at}.${key}`, inner]);
    }
  }
  children.push(
    [`${at}[]`, def.element],
    [at, def.innerType],
    [`${at}{}`, def.valueType],
    [at, def.in],
    [at, def.out],
    [at, def.left],
    [at, def.right],
    [`${at}[]`, def.rest],
    [at, def.getter?.()],
  );
  for (const option of [...(def.options ?? []), ...(def.items ?? [])]) {
    children.push([at, option]);
  }
  for (const [path, child] of children) {
    if (child) {
      out.push(...fieldPaths(child, path, seen));
    }
  }
  return out;
}

describe('what crosses to the renderer', () => {
  const replies = Object.entries(contract).map(
    ([channel, spec]) => [channel, spec.result as z.ZodType] as const,
  );

  it('walks real schemas (the walker sees nested fields)', () => {
    const paths = fieldPaths(contract['app:info'].result, 'app:info');
    expect(paths).toContain('app:info.connections[].label');
    expect(fieldPaths(JobEvent, 'event')).toContain('event.summary');
  });

  it.each(replies)('the %s reply has no field named like a credential', (channel, schema) => {
    const suspicious = fieldPaths(schema, channel).filter(looksLikeCredential);
    expect(suspicious).toEqual([]);
  });

  it('job events have no field named like a credential', () => {
    const suspicious = fieldPaths(JobEvent, 'jobs:event').filter(looksLikeCredential);
    expect(suspicious).toEqual([]);
  });

  it('a connection as the renderer sees it is id, label, target, sandbox and a note: no auth', () => {
    const paths = fieldPaths(contract['app:info'].result, 'r')
      .filter((path) => path.startsWith('r.connections[].'))
      .map((path) => path.slice('r.connections[].'.length));
    expect(paths.sort()).toEqual(['id', 'label', 'note', 'sandbox', 'target']);
  });
});
