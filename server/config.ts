// The only reader of process.env. Validated once at start-up; a bad value stops the process
// with one line naming the variable.
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /** PostgreSQL: a direct URL for the LISTEN connection when DATABASE_URL goes through a
   * transaction-mode pooler (which cannot carry LISTEN); null = DATABASE_URL. */
  readonly databaseListenUrl: string | null;
  readonly logLevel: LogLevel;
  /** Trust X-Forwarded-For (only behind a configured reverse proxy). */
  readonly trustProxy: boolean;
  /** Secure cookies (set when served over HTTPS). */
  readonly secureCookies: boolean;
  /** API requests per minute per session, token or (anonymous) address; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Lets webhooks target loopback, private and link-local addresses (a trusted internal network). */
  readonly webhooksAllowPrivateNetworks: boolean;
  /** smtp:// or smtps:// URL of the mail relay; null = no e-mail is sent. */
  readonly smtpUrl: string | null;
  /** The From address of the e-mails (defaults to crm@ the SMTP host). */
  readonly mailFrom: string | null;
  /** Tests and the benchmark: every answer says how many SQL statements it ran (`x-db-statements`). */
  readonly exposeStatementCount: boolean;
}

export class ConfigError extends Error {}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 1 to 65535, got "${env.PORT}"`);
  }
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/crm.sqlite';
  if (!/^sqlite:.+/.test(databaseUrl) && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const trustProxy = parseBool('TRUST_PROXY', env.TRUST_PROXY, false);
  const secureCookies = parseBool('SECURE_COOKIES', env.SECURE_COOKIES, false);
  const webhooksAllowPrivateNetworks = parseBool('WEBHOOKS_ALLOW_PRIVATE_NETWORKS', env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS, false);
  const rateLimitPerMinute =
    env.RATE_LIMIT_PER_MINUTE === undefined || env.RATE_LIMIT_PER_MINUTE === '' ? 600 : Number(env.RATE_LIMIT_PER_MINUTE);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off), got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  const { smtpUrl, mailFrom } = parseMail(env.SMTP_URL, env.MAIL_FROM);
  const databaseListenUrl = env.DATABASE_LISTEN_URL?.trim() || null;
  if (databaseListenUrl) {
    if (databaseUrl.startsWith('sqlite:'))
      throw new ConfigError('DATABASE_LISTEN_URL is only for PostgreSQL: unset it, or set DATABASE_URL to a postgres:// URL');
    if (!/^postgres(ql)?:\/\//.test(databaseListenUrl))
      throw new ConfigError(
        `DATABASE_LISTEN_URL must be a postgres:// URL, got "${databaseListenUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}"`,
      );
  }
  const exposeStatementCount = parseBool('EXPOSE_STATEMENT_COUNT', env.EXPOSE_STATEMENT_COUNT, false);
  return Object.freeze({
    port,
    host,
    databaseUrl,
    databaseListenUrl,
    logLevel,
    trustProxy,
    secureCookies,
    rateLimitPerMinute,
    webhooksAllowPrivateNetworks,
    smtpUrl,
    mailFrom,
    exposeStatementCount,
  });
}

function parseBool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseMail(rawUrl: string | undefined, rawFrom: string | undefined): { smtpUrl: string | null; mailFrom: string | null } {
  const from = rawFrom?.trim() || null;
  if (!rawUrl) {
    if (from)
      throw new ConfigError('MAIL_FROM is set but SMTP_URL is not: set SMTP_URL (smtp://user:password@host:587) or unset MAIL_FROM');
    return { smtpUrl: null, mailFrom: null };
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    url = new URL('invalid://');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError(
      `SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…, got "${rawUrl.replace(/:[^:@/]*@/, ':***@')}"`,
    );
  }
  // A bare address or "Name <address>": the relay would refuse anything else on every message.
  if (from && !/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+(?:>)?$/.test(from)) {
    throw new ConfigError(`MAIL_FROM must be an e-mail address or "Name <address>", got "${from}"`);
  }
  return { smtpUrl: rawUrl, mailFrom: from ?? `crm@${url.hostname}` };
}
