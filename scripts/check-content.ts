/** `npm run check:content`: see scripts/lib/check-content.ts. */
import { runCommand } from './lib/cli.ts';
import { checkContentCommand } from './lib/check-content.ts';

runCommand(async () => checkContentCommand(process.argv.slice(2), process.cwd()));
