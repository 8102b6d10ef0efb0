import { applyD1Migrations, env, type D1Migration } from 'cloudflare:test';

// Runs before each test file; migrations are idempotent, so a shared database is fine.
await applyD1Migrations(env.DB, (env as unknown as { TEST_MIGRATIONS: D1Migration[] }).TEST_MIGRATIONS);
