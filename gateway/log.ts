/**
 * Structured logging for the gateway: one JSON object per line, with a short
 * lowercase message and the details as fields.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Values a log field may contain; anything else is stringified. */
export type LogFields = Record<string, unknown>;

/** One log event as written to the output. */
export interface LogEntry extends LogFields {
  time: string;
  level: LogLevel;
  msg: string;
}

/** Writes log events at or above its level. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written; defaults to "info". */
  level?: LogLevel;
  /** Receives each event; defaults to one JSON line on stdout. */
  sink?: (entry: LogEntry) => void;
}

/** Creates a logger that writes one JSON line per event. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVEL_RANK[options.level ?? "info"];
  const sink = options.sink ?? writeJsonLine;

  const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] < threshold) return;
    sink({ time: new Date().toISOString(), level, msg, ...fields });
  };

  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}

/** A logger that drops every event. */
export const silentLogger: Logger = createLogger({ sink: () => {} });

/** Turns a caught error into log fields: its message and, if set, its code. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };

  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined
    ? { error: error.message }
    : { error: error.message, code };
}

function writeJsonLine(entry: LogEntry): void {
  process.stdout.write(JSON.stringify(entry) + "\n");
}
