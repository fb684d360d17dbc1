/** `npm run fuzz:guard -- --count N --seed S`: see scripts/lib/fuzz/command.ts. */
import { runCommand } from './lib/cli.ts';
import { fuzzGuardCommand } from './lib/fuzz/command.ts';

runCommand(() => fuzzGuardCommand(process.argv.slice(2), process.cwd()));
