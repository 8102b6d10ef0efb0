import type { SyncHub } from '../durable/sync-hub';

/**
 * One hub holds the chain's sockets today. Channels hash to a hub, so spreading them over more
 * hubs is a change of this number (and of where clients connect), nothing else.
 */
const HUBS = 1;

function hubOf(channel: string): number {
  let h = 0;
  for (let i = 0; i < channel.length; i++) h = (h * 31 + channel.charCodeAt(i)) | 0;
  return Math.abs(h) % HUBS;
}

export function hubFor(env: Env, channel: string): DurableObjectStub<SyncHub> {
  const ns = env.SYNC_HUB as DurableObjectNamespace<SyncHub>;
  return ns.get(ns.idFromName(`hub-${hubOf(channel)}`));
}

export const channels = {
  store: (id: string) => `store:${id}`,
  member: (id: string) => `member:${id}`,
};

/** Pokes the channels (one call per hub). Never throws: a lost poke only delays a pull. */
export async function poke(env: Env, list: Iterable<string>): Promise<void> {
  const byHub = new Map<number, string[]>();
  for (const c of new Set(list)) byHub.set(hubOf(c), [...(byHub.get(hubOf(c)) ?? []), c]);
  await Promise.all(
    [...byHub.values()].map(async (cs) => {
      try {
        await hubFor(env, cs[0]!).poke(cs);
      } catch (e) {
        console.warn('poke failed', e);
      }
    }),
  );
}
