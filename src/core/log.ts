/** What the core writes its log lines with: pino's shape, so the HTTP server's logger serves as it is. */
export interface CoreLog {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A callback that logs what failed at error level, for background work that has nobody to throw to. */
export const reportError =
  (log: CoreLog, what: string) =>
  (error: unknown): void =>
    log.error({ err: error }, what);
