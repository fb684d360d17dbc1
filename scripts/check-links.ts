/**
 * `npm run check:links` — checks the built site's links; see `--help` and docs/links.md.
 * Exit codes: 0 clean, 1 internal breakage, 2 external problems only, 3 usage/config error.
 */
import { HELP, parseCli, UsageError } from './lib/linkcheck/options.ts';
import { formatJson, formatText, reportToGitHub } from './lib/linkcheck/report.ts';
import { exitCode, runLinkCheck } from './lib/linkcheck/run.ts';
import { ConfigError } from './lib/linkcheck/site-config.ts';

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.help) {
    console.log(HELP);
    return 0;
  }
  // A progress line only for a person at a terminal, never in CI logs or JSON pipes.
  const live = !cli.quiet && !cli.json && process.stderr.isTTY && !process.env['CI'];
  let lastDraw = 0;
  const onProgress = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (!live || (now - lastDraw < 100 && done < total)) return;
    lastDraw = now;
    const label = phase === 'pages' ? 'reading pages' : 'checking outside links';
    process.stderr.write(`\r\u001b[K${label} ${done}/${total}`);
    if (done === total) process.stderr.write('\r\u001b[K');
  };

  const result = await runLinkCheck({ ...cli.run, onProgress });
  if (cli.json) console.log(formatJson(result));
  else console.log(formatText(result, cli.run.root, process.stdout.isTTY && !process.env['NO_COLOR']));
  reportToGitHub(result);
  return exitCode(result.findings);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`check:links: ${error.message}`);
      if (error instanceof UsageError) console.error('Run `npm run check:links -- --help` for the options.');
      process.exitCode = 3;
    } else {
      console.error(error);
      process.exitCode = 3;
    }
  },
);
