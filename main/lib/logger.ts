/** Structured, redacting logger shared by main, the CLI and browser mode. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /authorization|token|secret|password|passwd|cookie|api_?key|credential/i;

/** Query or fragment parameters that carry credentials: `access_token=`, `refresh_token=`, `client_secret=`… */
const SECRET_PARAM =
  /([?&#;](?:[a-z_]*token|[a-z_]*secret|password|passwd|api_?key|apikey|key|sig|signature)=)[^&#\s"']+/gi;

/** Deeper than this, an object is replaced rather than walked (and never passed through raw). */
const MAX_DEPTH = 6;

/**
 * Replaces anything that looks like a credential before it can reach a log line.
 *
 * Keys named like secrets are masked whatever their value. Inside strings: bearer and basic
 * credentials (headers, raw request text), credential-named query/fragment parameters, and
 * `user:password@` in URLs. Objects nested past MAX_DEPTH become a marker, so a token buried
 * deep cannot slip through unexamined.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
      .replace(SECRET_PARAM, '$1[redacted]')
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]*@/gi, '$1[redacted]@');
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return '[too deep]';
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
