/** Entry point of the `mailwarden` command (bundled to dist/cli/mailwarden.mjs). */
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
