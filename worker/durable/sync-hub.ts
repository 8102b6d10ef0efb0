import { DurableObject } from 'cloudflare:workers';

/**
 * Sync fan-out: clients hold a hibernatable WebSocket here, tagged with the one channel they
 * listen to (`store:<id>` for a tablet, `member:<id>` for a phone). After a write the server pokes
 * the channels it touched and those clients pull. Pokes are hints: a client that misses one still
 * pulls on its interval.
 */
export class SyncHub extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade') !== 'websocket') return new Response('expected a WebSocket', { status: 426 });
    const channel = new URL(request.url).searchParams.get('channel') ?? '';
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1], channel ? [channel] : []);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** Tells every client listening on these channels to pull; returns how many were told. */
  poke(channels: string[]): number {
    let told = 0;
    for (const channel of new Set(channels)) {
      for (const ws of this.ctx.getWebSockets(channel)) {
        try {
          ws.send('poke');
          told++;
        } catch {
          // A socket that died between getWebSockets() and send() is closed by the runtime.
        }
      }
    }
    return told;
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (message === 'ping') ws.send('pong');
  }
}
