/**
 * Writes docs/columns/ and checks it against the code. The Node half of
 * shared/docs/column-reference.ts: files, and prettier, because `npm run lint` runs
 * `prettier --check .` over docs/ too and the pages must already be in its format.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { columnReferenceFiles } from '../shared/docs/column-reference';

/** A file of the reference that does not match the code. */
export interface ReferenceProblem {
  file: string;
  problem: 'stale' | 'missing' | 'extra';
}

/** The reference's files as they should be, formatted as prettier leaves them. */
export async function expectedReference(outDir: string): Promise<Map<string, string>> {
  const formatted = new Map<string, string>();
  for (const [name, markdown] of columnReferenceFiles()) {
    const filepath = path.join(outDir, name);
    const options = (await resolveConfig(filepath)) ?? {};
    formatted.set(name, await format(markdown, { ...options, filepath }));
  }
  return formatted;
}

/** Every page in outDir that is stale, missing, or no longer generated (extra). */
export async function checkReference(outDir: string): Promise<ReferenceProblem[]> {
  const expected = await expectedReference(outDir);
  const onDisk = await markdownIn(outDir);
  const problems: ReferenceProblem[] = [];
  for (const [name, text] of expected) {
    if (!onDisk.includes(name)) {
      problems.push({ file: name, problem: 'missing' });
    } else if ((await readFile(path.join(outDir, name), 'utf8')) !== text) {
      problems.push({ file: name, problem: 'stale' });
    }
  }
  for (const name of onDisk.filter((file) => !expected.has(file))) {
    problems.push({ file: name, problem: 'extra' });
  }
  return problems;
}

/**
 * Writes every page into outDir and removes pages no dataset produces any more, so a
 * renamed or dropped dataset leaves no orphan behind. Returns the names written.
 */
export async function writeReference(outDir: string): Promise<string[]> {
  const expected = await expectedReference(outDir);
  await mkdir(outDir, { recursive: true });
  for (const name of await markdownIn(outDir)) {
    if (!expected.has(name)) {
      await rm(path.join(outDir, name));
    }
  }
  for (const [name, text] of expected) {
    await writeFile(path.join(outDir, name), text);
  }
  return [...expected.keys()];
}

// Only .md files are the reference's: anything else someone puts there is left alone.
async function markdownIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}
