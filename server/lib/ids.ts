import { v7 } from 'uuid';

/** Time-ordered UUIDv7, made in the app so both dialects get the same kind of key. */
export const newId = (): string => v7();
