import { runCli } from './program';

// Exit code via process.exitCode, so that buffered output to a pipe is flushed before the exit.
process.exitCode = await runCli(process.argv);
