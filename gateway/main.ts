/**
 * Command-line entry of the gateway: `npm run gateway -- --help`.
 * Logs go to stdout as JSON lines; SIGINT or SIGTERM close it cleanly.
 */
import { ConfigError, helpText, parseCli } from "./config";
import { createLogger, errorFields } from "./log";
import { startGateway } from "./server";

/** Exit code for invalid options, as in BSD sysexits EX_USAGE. */
const EXIT_USAGE = 64;

async function main(): Promise<void> {
  let command;
  try {
    command = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`gateway: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }

  if (command.kind === "help") {
    process.stdout.write(helpText());
    return;
  }

  const logger = createLogger();
  const gateway = await startGateway({ ...command.options, logger });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means the operator does not want to wait.
    if (stopping) {
      logger.warn("second signal, exiting now", { signal });
      process.exit(1);
    }
    stopping = true;

    logger.info("stopping", { signal });
    gateway.close().catch((error) => {
      logger.error("stop failed", errorFields(error));
      process.exitCode = 1;
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  createLogger().error("gateway failed to start", errorFields(error));
  process.exitCode = 1;
});
