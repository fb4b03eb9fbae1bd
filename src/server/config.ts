import { z } from 'zod';

const isOn = (value: string) => ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());
const onOff = z
  .string()
  .regex(/^(1|0|true|false|on|off|yes|no)$/i, 'must be one of on, off, true, false, 1, 0')
  .transform(isOn);

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535')
    .default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .min(3, 'must be a sender such as "keyfob <no-reply@example.com>"')
    .default('keyfob <no-reply@localhost>'),
  BOOTSTRAP_ADMIN_EMAIL: z.email('must be an email address').optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO: onOff.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'embedded'; dataDir: string | undefined };

export interface Config {
  database: DatabaseConfig;
  host: string;
  port: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  bootstrapAdmin: { email: string; password: string } | undefined;
  isDemo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** A configuration problem: one line per bad variable, naming it. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment into a typed configuration. Empty variables count as unset, so
 * `PORT= npm start` behaves like no PORT at all.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = present[name];
      const shown = value === undefined || name.includes('PASSWORD') ? '' : ` (got ${JSON.stringify(value)})`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(lines);
  }
  const vars = parsed.data;
  if ((vars.BOOTSTRAP_ADMIN_EMAIL === undefined) !== (vars.BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
    const missing =
      vars.BOOTSTRAP_ADMIN_EMAIL === undefined ? 'BOOTSTRAP_ADMIN_EMAIL' : 'BOOTSTRAP_ADMIN_PASSWORD';
    throw new ConfigError([`${missing} must be set together with the other BOOTSTRAP_ADMIN_ variable`]);
  }
  const database: DatabaseConfig = vars.DATABASE_URL
    ? { kind: 'postgres', url: vars.DATABASE_URL }
    : { kind: 'embedded', dataDir: vars.DATA_DIR };
  return {
    database,
    host: vars.HOST,
    port: vars.PORT,
    publicUrl: vars.PUBLIC_URL,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    bootstrapAdmin:
      vars.BOOTSTRAP_ADMIN_EMAIL && vars.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: vars.BOOTSTRAP_ADMIN_EMAIL, password: vars.BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    isDemo: vars.DEMO ?? database.kind === 'embedded',
    logLevel: vars.LOG_LEVEL,
  };
}
