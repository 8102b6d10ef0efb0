// Global setup of the sync integration tests: a fresh local chain in workerd (wrangler dev with its
// own port and state directory), seeded, for real Replicache clients in Node to talk to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../../../scripts/dev-server';

declare module 'vitest' {
  export interface ProvidedContext {
    syncBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'cloudcard-sync-'));
  const server = await startDevServer({ port: 8793, persistTo: dir, quiet: true });
  project.provide('syncBaseUrl', server.baseUrl);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
