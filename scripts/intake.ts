/** `npm run intake -- issue-body.md`: see scripts/lib/intake/command.ts. */
import { runCommand } from './lib/cli.ts';
import { intakeCommand } from './lib/intake/command.ts';

runCommand(() => intakeCommand(process.argv.slice(2), process.cwd()));
