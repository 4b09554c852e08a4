// Errors that may be ignored, each with the reason why: one helper so that no failure passes in
// silence. Every ignored error is kept (the last 50) for whoever shows status (the extension's
// options page, the widget's console in development), and handed to a sink a host may set.
export interface IgnoredError {
  /** Why it may be ignored: what still holds without it. */
  why: string;
  message: string;
  at: string;
}

const recent: IgnoredError[] = [];
let sink: ((ignored: IgnoredError) => void) | undefined;

/**
 * A catch handler for an error that may be ignored because of `why` ("the cached copy is only a
 * speed-up: the file is read instead"). The error is recorded, never dropped. An error that changes
 * what the user gets must not be ignored this way.
 */
export function ignore(why: string): (error: unknown) => undefined {
  return (error: unknown) => {
    const entry: IgnoredError = { why, message: error instanceof Error ? error.message : String(error), at: new Date().toISOString() };
    recent.push(entry);
    if (recent.length > 50) recent.shift();
    sink?.(entry);
    return undefined;
  };
}

/** The errors ignored lately, oldest first. */
export function recentlyIgnored(): readonly IgnoredError[] {
  return recent;
}

/** Where each ignored error is also reported (the console, in development). */
export function reportIgnoredTo(report: ((ignored: IgnoredError) => void) | undefined): void {
  sink = report;
}
