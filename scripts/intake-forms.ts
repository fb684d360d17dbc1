/** `npm run intake:forms`: see scripts/lib/intake/forms-command.ts. */
import { runCommand } from './lib/cli.ts';
import { intakeFormsCommand } from './lib/intake/forms-command.ts';

runCommand(() => intakeFormsCommand(process.argv.slice(2), process.cwd()));
