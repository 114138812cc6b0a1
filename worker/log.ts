/**
 * Structured logs: one JSON line per event with a short lowercase message
 * and the details in fields. Errors are expanded to name, message and stack.
 */

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line. */
  with(fields: Fields): Logger;
}

/** Creates a logger whose lines all carry `base`. */
export function logger(base: Fields = {}): Logger {
  const write = (level: Level, message: string, fields: Fields = {}) => {
    const line = JSON.stringify({
      level,
      msg: message,
      time: new Date().toISOString(),
      ...base,
      ...expandErrors(fields),
    });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    with: (fields) => logger({ ...base, ...fields }),
  };
}

function expandErrors(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value;
  }
  return out;
}
