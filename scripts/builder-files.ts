// Which project files electron-builder packs for a `files` list, matched the way it matches
// them (app-builder-lib out/fileMatcher.js and out/util/filter.js, v26): minimatch with
// dot: true, patterns applied in order (a later `!` pattern excludes what an earlier one
// included), and a plain folder name ("dist") also meaning everything under it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Minimatch } from 'minimatch';

const OPTIONS = { dot: true };

/** A string entry of `files`, or the object form { from, to, filter }. */
export type FilesEntry = string | { from?: string; to?: string; filter?: string | string[] };

function normalize(pattern: string): string {
  const slashed = pattern.replace(/\\/g, '/');
  return path.posix.normalize(slashed.startsWith('./') ? slashed.slice(2) : slashed);
}

function hasMagic(matcher: Minimatch): boolean {
  return (
    matcher.set.length > 1 || matcher.set[0]?.some((part) => typeof part !== 'string') === true
  );
}

/**
 * A predicate for paths relative to the project root (forward slashes). Only string entries
 * and object entries from the project root take part, like electron-builder's main matcher;
 * package.json is always packed, as electron-builder adds it to any explicit list.
 */
export function createFilesFilter(
  files: readonly FilesEntry[] | undefined,
): (rel: string) => boolean {
  const patterns: string[] = [];
  for (const entry of files ?? ['**/*']) {
    if (typeof entry === 'string') {
      patterns.push(normalize(entry));
    } else if (entry.from === undefined || entry.from === '.') {
      patterns.push(...[entry.filter ?? '**/*'].flat().map(normalize));
    }
  }
  if (!patterns.includes('package.json')) {
    patterns.push('package.json');
  }
  const matchers: Minimatch[] = [];
  for (const pattern of patterns) {
    const matcher = new Minimatch(pattern, OPTIONS);
    matchers.push(matcher);
    // electron-builder issue 545: "dist" alone also means "dist/**/*".
    if (!pattern.includes('.') && !hasMagic(matcher)) {
      matchers.push(new Minimatch(`${pattern}/**/*`, OPTIONS));
    }
  }
  return (rel) => {
    let included = false;
    for (const matcher of matchers) {
      // Once included, only exclusions can change the answer, and the other way round.
      if (included !== matcher.negate) {
        continue;
      }
      included = matcher.match(rel);
    }
    return included;
  };
}

/** Every file under `dir` (absolute), as paths relative to `root` with forward slashes. */
export function listFiles(root: string, dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(root, full)
      : [path.relative(root, full).split(path.sep).join('/')];
  });
}
