/** `npm run fuzz:content -- --count N --seed S`: see scripts/lib/fuzz/content-command.ts. */
import { runCommand } from './lib/cli.ts';
import { fuzzContentCommand } from './lib/fuzz/content-command.ts';

runCommand(() => fuzzContentCommand(process.argv.slice(2), process.cwd()));
