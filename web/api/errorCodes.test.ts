import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';

// Every error code the server can send — the error's own code and each detail's — must read in the
// user's language: a code without a text shows the server's English message in the Russian UI.
// The codes are read from the server's source, so a new `code: '…'` without a text fails here.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join('server', 'test') ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The arguments of every call `name(…)` in a text, split at the top-level commas. */
function callArgs(text: string, name: string): string[][] {
  const out: string[][] = [];
  const re = new RegExp(`\\b${name}\\(`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const args: string[] = [];
    let depth = 0;
    let quote = '';
    let current = '';
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote && text[i - 1] !== '\\') quote = '';
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
        continue;
      }
      current += c;
    }
    if (current.trim()) args.push(current.trim());
    out.push(args);
  }
  return out;
}

const literal = (s: string | undefined) => /^'([a-z][a-z0-9_-]*)'$/.exec(s ?? '')?.[1];
const all = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);

/** Code -> the files it comes from. */
function serverCodes(): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  const add = (code: string, file: string) => codes.set(code, (codes.get(code) ?? new Set()).add(file));
  for (const file of [...sources('server'), ...sources('shared')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // `{ field, code: 'inn_checksum', message }` in services, logic and plugins.
    for (const c of all(text, /\bcode:\s*'([a-z][a-z0-9_-]*)'/g)) add(c, file);
    // invalid(field, message, code = 'invalid').
    for (const args of callArgs(text, 'invalid')) {
      if (args.length === 2) add('invalid', file);
      const c = literal(args[2]);
      if (args.length === 3 && c) add(c, file);
    }
    // The error's own codes: the AppError union and the error handler's answers for Fastify's errors.
    const union = /export type ErrorCode =([^;]+);/.exec(text)?.[1];
    if (union) for (const c of all(union, /'([a-z_]+)'/g)) add(c, file);
    if (file.endsWith('error-handler.ts')) for (const c of all(text, /[?:]\s*'([a-z]+_[a-z_]+)'/g)) add(c, file);
    // The schema validator's details: its keyword for the constraints the schemas use, format_<format>.
    if (file.startsWith('shared')) {
      for (const k of all(
        text,
        /\b(minimum|maximum|exclusiveMinimum|exclusiveMaximum|pattern|minItems|maxItems|minProperties|multipleOf)\s*:/g,
      ))
        add(k, file);
      for (const f of all(text, /Type\.String\(\{[^}]*\bformat:\s*'([a-z-]+)'/g)) add(`format_${f}`, file);
      if (/Type\.Union\(/.test(text)) add('anyOf', file);
      if (/enum:/.test(text)) add('enum', file);
    }
  }
  return codes;
}

/** What the web client itself makes of a failed request (web/api/client.ts). */
const CLIENT_CODES = ['network_error', 'http_error'];

let t: Record<'ru' | 'en', TFunction>;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'ru', fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  t = { ru: i18n.getFixedT('ru'), en: i18n.getFixedT('en') };
});

const textOf = (lang: 'ru' | 'en', code: string) =>
  t[lang](`errors.fields.${code}`, { defaultValue: '' }) || t[lang](`errors.codes.${code}`, { defaultValue: '' });

describe('error codes', () => {
  const codes = serverCodes();

  it('finds the codes of the services, the schema validator and the error handler', () => {
    for (const c of ['validation_failed', 'rate_limited', 'inn_checksum', 'phone_invalid', 'cursor_invalid', 'control_character']) {
      expect([...codes.keys()]).toContain(c);
    }
    for (const c of ['invalid_unicode', 'format_date', 'format_date-time', 'website_invalid', 'unsupported_media_type', 'minimum']) {
      expect([...codes.keys()]).toContain(c);
    }
  });

  it.each(['ru', 'en'] as const)('every code has a text in %s', (lang) => {
    const missing = [...codes.keys(), ...CLIENT_CODES]
      .filter((c) => !textOf(lang, c))
      .map((c) => `${c} (${[...(codes.get(c) ?? ['web/api/client.ts'])].map((f) => relative('.', f)).join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('the Russian texts are Russian', () => {
    const english = [...codes.keys(), ...CLIENT_CODES].filter((c) => textOf('ru', c) && !/[а-яё]/i.test(textOf('ru', c)));
    expect(english).toEqual([]);
  });
});
