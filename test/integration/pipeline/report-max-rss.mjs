// Preloaded into a child process (node --import) by the pipeline tests: writes the process's
// peak RSS in bytes to $BATCHLINE_MAX_RSS_FILE when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.BATCHLINE_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
