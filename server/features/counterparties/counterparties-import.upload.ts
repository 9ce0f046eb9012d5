// An uploaded file on its way to the import: the request body is written to a temporary file as it
// arrives (never held whole in memory), with a size cap, and the file is removed when the import is
// over — answered, refused or broken off by the client.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.js';

/** Temporary directories of uploads in progress: `<os.tmpdir()>/crm-import-<pid>-XXXXXX`, so a leftover of a killed process is known. */
export const uploadDirPrefix = () => `crm-import-${process.pid}-`;

export const tooLarge = (limit: number) =>
  new AppError(413, 'payload_too_large', `the file must be at most ${Math.floor(limit / 1024 / 1024)} MB`);

const notUtf8 = () =>
  new AppError(400, 'validation_failed', 'the file must be UTF-8', [
    { field: '(root)', code: 'invalid_unicode', message: 'the file must be UTF-8' },
  ]);

/** Counts the bytes (over `limit` is a 413) and, for text, checks they are UTF-8 as they pass. */
function guard(limit: number, utf8: boolean) {
  let size = 0;
  const decoder = utf8 ? new TextDecoder('utf-8', { fatal: true }) : null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      try {
        decoder?.decode(chunk, { stream: true });
      } catch {
        return done(notUtf8());
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder?.decode();
      } catch {
        return done(notUtf8());
      }
      done();
    },
  });
}

class Interrupted extends Error {}

/** Copies the body into `path`; the body is piped, not pipelined, so a refused body is left unread, not destroyed. */
async function spool(body: Readable, path: string, opts: { limit: number; utf8: boolean }) {
  const g = guard(opts.limit, opts.utf8);
  const broken = () => g.destroy(new Interrupted('the upload was interrupted'));
  const closed = () => {
    if (!body.readableEnded) broken();
  };
  body.once('error', broken);
  body.once('aborted', broken);
  body.once('close', closed);
  body.pipe(g);
  try {
    await pipeline(g, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } finally {
    body.unpipe(g);
    body.off('error', broken);
    body.off('aborted', broken);
    body.off('close', closed);
  }
}

/**
 * Writes `body` to a temporary file and runs `use` on its path; the file is gone when this returns
 * or throws. A body over `limit` bytes is a 413 (the rest of it is not read: Node discards it after
 * the answer), text that is not UTF-8 a 400, and a body the client broke off a 400 (nobody is left
 * to read it, but the error handler must not take it for a defect).
 */
export async function withSpooledUpload<T>(body: Readable, opts: { limit: number; utf8: boolean }, use: (path: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), uploadDirPrefix()));
  try {
    const path = join(dir, 'upload');
    try {
      await spool(body, path, opts);
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      throw new AppError(400, 'validation_failed', 'the upload was interrupted: the file did not arrive whole');
    }
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
