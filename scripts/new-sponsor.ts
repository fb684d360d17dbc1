/** `npm run new:sponsor -- --name … --tier … --website …`: see scripts/lib/new-sponsor.ts. */
import { runCommand } from './lib/cli.ts';
import { newSponsor } from './lib/new-sponsor.ts';

runCommand(() => newSponsor(process.argv.slice(2), process.cwd()));
