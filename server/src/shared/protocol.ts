/** What the server tells the client beyond LSP: shared by both sides, so it has no dependencies. */

/** Sent after each check of a document: its counts and the time the check took. */
export const CHECKED_NOTIFICATION = 'govreport/checked';

export interface CheckedNotification {
  uri: string;
  version: number;
  errors: number;
  warnings: number;
  information: number;
  elapsedMs: number;
}
