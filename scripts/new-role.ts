/** `npm run new:role -- --sponsor … --title … --type …`: see scripts/lib/new-role.ts. */
import { runCommand } from './lib/cli.ts';
import { newRole } from './lib/new-role.ts';

runCommand(() => newRole(process.argv.slice(2), process.cwd()));
