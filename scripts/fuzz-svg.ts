/** `npm run fuzz:svg -- --count N --seed S`: see scripts/lib/fuzz/svg-command.ts. */
import { runCommand } from './lib/cli.ts';
import { fuzzSvgCommand } from './lib/fuzz/svg-command.ts';

runCommand(() => fuzzSvgCommand(process.argv.slice(2)));
