/** `npm run check:content`: see scripts/lib/check-content/command.ts. */
import { runCommand } from './lib/cli.ts';
import { checkContentCommand } from './lib/check-content/command.ts';

runCommand(async () => checkContentCommand(process.argv.slice(2), process.cwd()));
