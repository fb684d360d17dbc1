/** `npm run import:jekyll -- <booth.md> …`: see scripts/lib/jekyll/command.ts. */
import { runCommand } from './lib/cli.ts';
import { importJekyll } from './lib/jekyll/command.ts';

runCommand(() => importJekyll(process.argv.slice(2), process.cwd()));
