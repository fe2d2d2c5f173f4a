/** Structured, redacting logger shared by main, the CLI and browser mode. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /authorization|token|secret|password|cookie|client_?secret/i;

/**
 * Replaces anything that looks like a credential before it can reach a log line.
 *
 * Keys named like secrets are masked whatever their value; bearer tokens and `token=`/
 * `access_token=` query values are masked inside strings.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
      .replace(/([?&](?:access_)?token=)[^&\s]+/gi, '$1[redacted]');
  }
  if (depth > 4 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(inner, depth + 1);
  }
  return out;
}

/** A logger writing one JSON line per event to the given sink (stderr by default). */
export function createLogger(
  sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  options: { quiet?: boolean } = {},
): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    if (options.quiet && level === 'info') {
      return;
    }
    const record = {
      time: new Date().toISOString(),
      level,
      event,
      ...(redact(fields ?? {}) as object),
    };
    sink(JSON.stringify(record));
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
