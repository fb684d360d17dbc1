/** `npm run import:jekyll -- <booth.md> …`: see scripts/lib/import-jekyll.ts. */
import { runCommand } from './lib/cli.ts';
import { importJekyll } from './lib/import-jekyll.ts';

runCommand(() => importJekyll(process.argv.slice(2), process.cwd()));
