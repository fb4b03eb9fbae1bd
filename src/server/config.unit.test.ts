import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configErrorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      database: { kind: 'embedded', dataDir: './data' },
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      mailFrom: 'keyfob <no-reply@localhost>',
      bootstrapAdmin: undefined,
      isDemo: true,
    });
  });

  it('uses PostgreSQL and turns demo data off by default when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/keyfob' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://root@127.0.0.1:5432/keyfob' });
    expect(config.isDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', DEMO: 'on' }).isDemo).toBe(true);
  });

  it('names PORT, and only PORT, when it is not a port number', () => {
    expect(configErrorLines({ PORT: 'abc' })).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "abc")',
    ]);
    expect(configErrorLines({ PORT: '70000' })[0]).toMatch(/^PORT /);
  });

  it('gives one line per bad variable', () => {
    const lines = configErrorLines({
      PORT: '-1',
      DATABASE_URL: 'mysql://x/y',
      SMTP_URL: 'nope',
      DEMO: 'maybe',
    });
    expect(lines.map((line) => line.split(' ')[0]).sort()).toEqual([
      'DATABASE_URL',
      'DEMO',
      'PORT',
      'SMTP_URL',
    ]);
  });

  it('never echoes a password back', () => {
    const lines = configErrorLines({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.dk', BOOTSTRAP_ADMIN_PASSWORD: 'short' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^BOOTSTRAP_ADMIN_PASSWORD/);
    expect(lines[0]).not.toContain('short');
  });

  it('treats empty variables as unset and trims a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PORT: '', PUBLIC_URL: 'https://keyfob.example/' })).toMatchObject({
      port: 3000,
      publicUrl: 'https://keyfob.example',
    });
  });

  it('needs both bootstrap variables or neither', () => {
    expect(configErrorLines({ BOOTSTRAP_ADMIN_EMAIL: 'admin@keyfob.example' })[0]).toMatch(
      /^BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });
});
