import type { AbcClassification } from '../../../shared/api/abc';

/**
 * How many customers get another class when the document is applied: the lines whose class differs
 * from the class before it. Null when the card holds only the first lines (the server pages the rest).
 */
export function classChanges(doc: Pick<AbcClassification, 'lines' | 'linesTruncated'>): number | null {
  if (doc.linesTruncated) return null;
  return doc.lines.filter((l) => l.abcClass !== l.previousClass).length;
}
