/**
 * Structured log lines (JSON on stdout/stderr). A leaf module: it imports nothing of the project.
 *
 * Callers pass only what is safe to log: never passwords, tokens, form values, personal contact
 * data, SQL statements or their parameters (GDPR: a failed insert's message carries the submitted
 * values). Errors are logged through `errorFields`, which keeps the class, the SQLSTATE and the
 * stack frames but drops every message. As a last line of defence, e-mail addresses in any string
 * field are replaced before a line is written.
 */
type Fields = Record<string, unknown>;
type Level = 'info' | 'warn' | 'error';

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[E-Mail entfernt]');
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  return value;
}

function write(level: Level, event: string, fields: Fields) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as Fields) });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

export const log = {
  info: (event: string, fields: Fields = {}) => write('info', event, fields),
  warn: (event: string, fields: Fields = {}) => write('warn', event, fields),
  error: (event: string, fields: Fields = {}) => write('error', event, fields),
};

const MAX_FRAMES = 12;

/**
 * What may be logged of an error: its class, a database error's SQLSTATE (and those of its cause,
 * e.g. the driver error inside Drizzle's "Failed query: … params: …"), and the stack's frames
 * (file and line) without the message line. Never the message: it may quote statements and values.
 */
export function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { errorClass: typeof error };
  const fields: Fields = { errorClass: className(error) };
  const code = sqlState(error);
  if (code) fields.code = code;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    fields.causeClass = className(cause);
    const causeCode = sqlState(cause);
    if (causeCode) fields.causeCode = causeCode;
  }
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  if (frames.length) fields.frames = frames;
  return fields;
}

function className(error: Error): string {
  return error.constructor?.name && error.constructor.name !== 'Error' ? error.constructor.name : error.name || 'Error';
}

function sqlState(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
