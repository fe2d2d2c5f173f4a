import { join, resolve } from 'node:path';
import { createPushAdapter } from '../../services/connectors/push-adapters';
import { writeRunReport } from '../../services/files/write-results-file';
import { tableFormatOf } from '../../services/files/write-table-file';
import { readManifest, RUN_FILES } from '../../services/runs/run-files';
import { resumeRun } from '../../services/runs/resume-run';
import { readRunSource } from '../../services/runs/run-source';
import { stringOption, type ParsedResume } from '../cli-args';
import type { CliIo } from '../cli-io';
import { authFromEnv, maxRpsOption, runsDirOption } from '../cli-options';
import { printRunOutcome, runExitCode, withProgressAndInterrupt } from '../run-reporting';

/**
 * `batchline resume RUN_ID`: picks a crashed, cancelled or stopped run up where it stopped.
 * Rows in flight are looked up before anything is sent; confirmed rows are never sent again.
 */
export async function resumeCommand(parsed: ParsedResume, io: CliIo): Promise<number> {
  const report = stringOption(parsed, 'report');
  if (report !== undefined) {
    tableFormatOf(report);
  }
  const runsDir = runsDirOption(parsed, io);
  const manifest = await readManifest(runsDir, parsed.runId);
  const oauthUrl = manifest.auth?.kind === 'zoom-oauth' ? manifest.auth.oauthUrl : undefined;
  const auth = authFromEnv({ target: manifest.target, values: parsed.values }, io, oauthUrl);
  const maxRps =
    stringOption(parsed, 'max-rps') === undefined ? undefined : maxRpsOption(parsed, 10);
  const outcome = await withProgressAndInterrupt(io, (signal, onProgress) =>
    resumeRun({
      runsDir,
      runId: parsed.runId,
      adapterFor: (current) =>
        createPushAdapter(
          current.target,
          current.kind,
          { baseUrl: current.baseUrl, auth },
          current.adapterOptions,
        ),
      ...(maxRps ? { maxRps } : {}),
      signal,
      onStart: (current) =>
        io.stderr(`run ${current.runId}: resuming ${current.fileName} → ${current.baseUrl}\n`),
      onProgress,
    }),
  );
  if (report) {
    const table = await readRunSource(join(outcome.runDir, RUN_FILES.source));
    await writeRunReport(resolve(io.cwd, report), {
      table,
      results: outcome.results,
      hidden: outcome.hidden,
      summary: {
        ...outcome.summary,
        target: manifest.target,
        kind: manifest.kind,
        fileName: manifest.fileName,
        finishedAt: new Date(io.now()).toISOString(),
      },
    });
  }
  printRunOutcome(outcome, parsed.values.json === true, io);
  return runExitCode(outcome);
}
