/** An expected failure of a command: the message is printed as is (Indonesian), without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** sysexits.h codes: scripts and service managers can tell the failures apart. */
export const EXIT_USAGE = 64;
export const EXIT_DATA_DIR_LOCKED = 75;
export const EXIT_CONFIG = 78;
