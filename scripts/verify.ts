/**
 * `npm run verify`: the site gate. Reads every page of the built site once, in Node, and
 * checks what is about content on every page (no script, the policy, titles, headings, alt
 * text, accessible names, ids, inline styles, outside resources, JSON-LD, weight). Problems
 * are listed under the content file to edit; exit code 1 when there is any. docs/verify.md.
 */
import { helpText, readFlags, runCommand, UsageError, type FlagSpec } from './lib/cli.ts';
import { siteFlags } from './lib/built/site-config.ts';
import { rules } from './lib/verify/rules/index.ts';
import { formatJson, formatText, reportToGitHub } from './lib/verify/report.ts';
import { runVerify } from './lib/verify/run.ts';

const flags = {
  ...siteFlags,
  jobs: { type: 'string', help: 'worker threads (default: one per core for 300+ pages)' },
  json: { type: 'boolean', help: 'print the result as JSON' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

runCommand(async () => {
  const { values } = readFlags(process.argv.slice(2), flags);
  if (values.help) {
    const list = rules.map((r) => `  ${r.code.padEnd(14)}${r.requires}`).join('\n');
    console.log(helpText('npm run verify [-- options]', flags, `Rules, on every page:\n${list}\n\nRun after npm run build. docs/verify.md explains each rule and its fix.`));
    return 0;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('bad-option', `--jobs "${values.jobs}" is not a whole number of threads (1 or more)`);
  const root = process.cwd();
  const result = await runVerify({ root, jobs, base: values.base, site: values.site, outDir: values.dist });
  console.log(values.json ? formatJson(result) : formatText(result, root, process.stdout.isTTY && !process.env['NO_COLOR']));
  reportToGitHub(result);
  return result.findings.length > 0 ? 1 : 0;
});
