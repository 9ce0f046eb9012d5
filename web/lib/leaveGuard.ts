/**
 * Leaving the app's current screen other than by a link — signing out — asks the open card first.
 * The card with unsaved changes registers how to ask; `leaveThen` runs the action at once when
 * nothing is registered, or after the user has chosen to save or to drop the changes.
 */
type Ask = (proceed: () => void) => void;

/** What a card gives its <LeaveGuard>. */
export interface LeaveGuardProps {
  /** Asked at the moment of leaving (ref-backed: a save that has just succeeded counts at once). */
  isDirty: () => boolean;
  /** Saves the card without opening it elsewhere; resolves true when it was saved. */
  save: () => Promise<boolean>;
}

let ask: Ask | null = null;

/** Registers the open card's question; returns the function that removes it again. */
export function onLeaveAsk(a: Ask): () => void {
  ask = a;
  return () => {
    if (ask === a) ask = null;
  };
}

export function leaveThen(proceed: () => void) {
  if (ask) ask(proceed);
  else proceed();
}
