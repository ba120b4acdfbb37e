// A TCP proxy of the tests' own that stands between a client and a server (here: the driver and
// PostgreSQL) and cuts every connection through it on demand, with a reset (RST) as a failing network
// does, or with an orderly close as a restarting server does.
import { createServer, createConnection, type Server, type Socket } from 'node:net';

export interface CuttingProxy {
  /** The port the proxy listens on, on 127.0.0.1. */
  port: number;
  /** Connections cut so far. */
  cuts: number;
  /** Cuts every open connection now; with `reset`, both sides receive an RST. */
  cutAll(how?: 'reset' | 'close'): number;
  /** Cuts everything at random intervals between `minMs` and `maxMs` until `stop()` is called. */
  cutEvery(minMs: number, maxMs: number, how?: 'reset' | 'close'): { stop(): void };
  /**
   * Makes the server unreachable until `resume()`: the proxy stops listening, so a new connection is
   * refused (ECONNREFUSED), and every open connection is reset. Nothing else changes while not paused.
   */
  pause(): Promise<void>;
  /** Listens again on the same port after `pause()`. */
  resume(): Promise<void>;
  /** Whether the proxy is paused. */
  paused: boolean;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: { host: string; port: number }): Promise<CuttingProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');

  const proxy: CuttingProxy = {
    port: address.port,
    cuts: 0,
    cutAll(how = 'reset') {
      let n = 0;
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        for (const socket of pair) {
          if (how === 'reset') socket.resetAndDestroy();
          else socket.end();
        }
        n++;
      }
      proxy.cuts += n;
      return n;
    },
    cutEvery(minMs, maxMs, how = 'reset') {
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        timer = setTimeout(
          () => {
            proxy.cutAll(how);
            next();
          },
          minMs + Math.random() * (maxMs - minMs),
        );
      };
      next();
      return { stop: () => clearTimeout(timer) };
    },
    paused: false,
    async pause() {
      if (proxy.paused) return;
      proxy.paused = true;
      // The listener closes at once; the callback waits for the connections, which are reset next.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.cutAll('reset');
      await closed;
    },
    async resume() {
      if (!proxy.paused) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(proxy.port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      proxy.paused = false;
    },
    async close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
