// Entry point of the `sitrep` command (bin/sitrep.js runs the compiled copy).
import { runCli } from './main.js';

await runCli(process.argv);
