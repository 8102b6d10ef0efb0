import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sync',
          include: ['client/src/**/*.itest.ts'],
          environment: 'node',
          globalSetup: ['./client/src/lib/sync/itest-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations'), ENVIRONMENT: 'development', SYNC_PAGE_ROWS: '40' },
            },
          }),
        ],
        test: {
          name: 'worker',
          include: ['worker/**/*.test.ts'],
          // The fault simulation has its own project (below): its own bindings and storage.
          exclude: [...configDefaults.exclude, 'worker/sim/**'],
          setupFiles: ['./worker/test/apply-migrations.ts'],
        },
      },
      {
        // The money path under seeded faults (docs/decisions/016). SIM_FAULTS exists only here,
        // never in wrangler.toml; SIM_* from the shell choose the seeds (scripts/sim.ts).
        plugins: [
          cloudflareTest({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./migrations'), ENVIRONMENT: 'development', SYNC_PAGE_ROWS: '3000', SIM_FAULTS: '1',
                SIM_SEED: process.env.SIM_SEED ?? '', SIM_RUNS: process.env.SIM_RUNS ?? '', SIM_SEED_START: process.env.SIM_SEED_START ?? '', SIM_STEPS: process.env.SIM_STEPS ?? '',
              },
            },
          }),
        ],
        test: {
          name: 'sim',
          include: ['worker/sim/**/*.sim.test.ts'],
          setupFiles: ['./worker/test/apply-migrations.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
