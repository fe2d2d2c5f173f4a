// `npm run security:scan`: Doyensec's electronegativity over the app's own sources (main/,
// renderer/, shared/; it parses TypeScript and TSX), failing on any HIGH or MEDIUM finding
// not explained in security/electronegativity-allow.json, and on allow-list entries that no
// longer match anything. electronegativity itself exits 0 whatever it finds, and its CSV
// writer races its own header, so it is run through its documented programmatic API.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ALLOW_LIST = 'security/electronegativity-allow.json';
const SOURCES = ['main', 'renderer', 'shared'];
// Its one check that needs the network (GitHub's Electron release index, unreachable in CI);
// Electron's own version is kept current through package.json, not by this scan.
const SKIPPED_CHECKS = ['availablesecurityfixesglobalcheck'];

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  sample: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}

/** The failures: HIGH/MEDIUM findings no entry explains, entries that explain nothing. */
export function judgeFindings(
  findings: readonly Finding[],
  allow: readonly AllowEntry[],
): string[] {
  const failures: string[] = [];
  for (const [i, entry] of allow.entries()) {
    if (!entry.check || !entry.file || (entry.reason ?? '').trim().length < 20) {
      failures.push(`${ALLOW_LIST}[${i}]: needs a check, a file and a reason of 20+ characters`);
    }
  }
  const gated = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  for (const f of gated) {
    if (!allow.some((entry) => entry.check === f.id && entry.file === f.file)) {
      failures.push(
        `${f.file}:${f.line}: ${f.id} (${f.severity}, ${f.confidence}) is not in ${ALLOW_LIST}: fix it or explain it there — ${f.sample}`,
      );
    }
  }
  for (const entry of allow) {
    if (!gated.some((f) => f.id === entry.check && f.file === entry.file)) {
      failures.push(
        `${ALLOW_LIST}: ${entry.check} in ${entry.file} matches no HIGH or MEDIUM finding any more: remove the entry`,
      );
    }
  }
  return failures;
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  severity: { name: string };
  confidence: { name: string };
  location: { line: number };
}
type Run = (options: Record<string, unknown>) => Promise<{
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}>;

async function main(): Promise<void> {
  const t0 = performance.now();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as Run;
  const electron = require('electron/package.json') as { version: string };
  // One input folder, so the global checks (CSP, navigation, permission handler) see main and
  // renderer together; a copy, so nothing else in the repository is scanned.
  const stage = mkdtempSync(path.join(tmpdir(), 'batchline-electronegativity-'));
  const log = console.log;
  try {
    for (const dir of SOURCES) {
      cpSync(path.join(root, dir), path.join(stage, dir), { recursive: true });
    }
    console.log = () => {}; // it prints a warning per unreachable translation download
    const result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electron.version,
      excludeFromScan: SKIPPED_CHECKS,
    });
    console.log = log;
    const findings: Finding[] = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file.split(path.sep).join('/'),
      line: issue.location.line,
      sample: (issue.sample ?? '').trim().slice(0, 100),
    }));
    const allow = JSON.parse(readFileSync(path.join(root, ALLOW_LIST), 'utf8')) as AllowEntry[];
    const failures = judgeFindings(findings, allow);
    for (const error of result.errors.filter((e) => !e.tolerable)) {
      failures.push(
        `${path.relative(stage, error.file)}: not scanned, electronegativity could not parse it: ${error.message}`,
      );
    }
    for (const f of findings) {
      process.stdout.write(`security:scan: ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}\n`);
    }
    for (const failure of failures) {
      process.stderr.write(`security:scan: ${failure}\n`);
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `security:scan: electronegativity (Electron ${electron.version}) ${findings.length} finding(s), ${allow.length} allow-listed, ${failures.length} failure(s) in ${seconds}s\n`,
    );
    process.exitCode = failures.length === 0 ? 0 : 1;
  } finally {
    console.log = log;
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
