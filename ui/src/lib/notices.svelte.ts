// Notices about the app itself, shown in a banner under the top bar.

export const notices = $state<{
  /** Why today's backup could not be made, if it could not. */
  backupWarning: string | null;
  /** The user started Offerwright again while it was open. */
  secondStart: boolean;
}>({ backupWarning: null, secondStart: false });

let timer: ReturnType<typeof setTimeout> | undefined;

/** Says, for a few seconds, that a second start brought this window forward. */
export function showSecondStart(): void {
  notices.secondStart = true;
  clearTimeout(timer);
  timer = setTimeout(() => (notices.secondStart = false), 10_000);
}
