/** Command-line entry: `npm run kkm -- <command> [options]`. */
import { runCommand } from "./run";

const code = await runCommand(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
