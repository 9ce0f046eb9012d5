/**
 * How a document is named in links and lists: "№12 Звонок по счету", as the server names a basis
 * or a task's subject, so a link the card builds itself reads the same as one the server sent.
 */
export function eventTitle(number: number, subject: string | null | undefined): string {
  return `№${number} ${subject ?? ''}`.trim();
}
