/** `npm run check:links`: see scripts/lib/linkcheck/command.ts. A usage or configuration error exits with 3. */
import { runCommand } from './lib/cli.ts';
import { checkLinksCommand } from './lib/linkcheck/command.ts';

runCommand(() => checkLinksCommand(process.argv.slice(2), process.cwd()), 3);
