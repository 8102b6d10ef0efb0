import { DurableObject } from 'cloudflare:workers';

/**
 * Sync fan-out: clients hold a hibernatable WebSocket here; after a write the server pokes the
 * channels it touched and every connected client pulls. One hub per channel (e.g. a store).
 */
export class SyncHub extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade') !== 'websocket') return new Response('expected a WebSocket', { status: 426 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** Tells every connected client that there is something new to pull; returns how many were told. */
  poke(): number {
    const sockets = this.ctx.getWebSockets();
    for (const ws of sockets) {
      try {
        ws.send('poke');
      } catch {
        // A socket that died between getWebSockets() and send() is closed by the runtime.
      }
    }
    return sockets.length;
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (message === 'ping') ws.send('pong');
  }
}
