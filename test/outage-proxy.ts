/**
 * A TCP relay on 127.0.0.1 in front of the machine's PostgreSQL, so a test can take the
 * database away from Kith and give it back without touching the server others use:
 * - `cut()` resets every connection through it (as when the server is killed) and refuses new
 *   ones (as while it is down);
 * - `restore()` accepts connections again on the same port.
 * Loopback only: it listens on 127.0.0.1 and relays only to the server DATABASE_URL names.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface DatabaseProxy {
  /** DATABASE_URL with the host and port of the relay. */
  readonly url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Connections open through it now. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const targetHost = target.hostname || '127.0.0.1';
  const targetPort = Number(target.port || '5432');
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async () => {
    const listening = createServer((client) => {
      const upstream = connect({ host: targetHost, port: targetPort });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        // A reset from either side ends both; the other side sees its connection end.
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    port = (listening.address() as { port: number }).port;
    server = listening;
  };
  await listen();

  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    async cut() {
      const closing = server;
      server = undefined;
      const closed = closing
        ? new Promise<void>((resolve) =>
            closing.close(() => {
              resolve();
            }),
          )
        : Promise.resolve();
      for (const socket of sockets) socket.resetAndDestroy();
      await closed;
    },
    async restore() {
      if (!server) await listen();
    },
    openConnections: () => sockets.size / 2,
    async close() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      if (closing)
        await new Promise<void>((resolve) =>
          closing.close(() => {
            resolve();
          }),
        );
    },
  };
}
