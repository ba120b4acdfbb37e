import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';

/** The operators' networks as a BlockList: each entry an address or a CIDR, IPv4 or IPv6. */
function networks(allow: string[]): BlockList {
  const list = new BlockList();
  for (const entry of allow) {
    const [address, bits] = entry.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

/** True when the request may read the metrics: from an operators' network, or with the metrics token. */
function mayRead(request: FastifyRequest, allowed: BlockList, token: string | undefined): boolean {
  const ip = request.ip.startsWith('::ffff:') ? request.ip.slice(7) : request.ip;
  if (allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4')) return true;
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!token || !sent) return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus text at /metrics: process metrics and a request histogram by route and status, readable
 * only from the operators' networks (METRICS_ALLOW, the loopback by default) or with METRICS_TOKEN.
 */
export function registerMetrics(app: FastifyInstance, access: Config['metrics']): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shuzhi_' });
  const duration = new Histogram({
    name: 'shuzhi_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const allowed = networks(access.allow);
  app.get('/metrics', { schema: { hide: true }, config: { ownAuth: true } }, async (request, reply) => {
    if (!mayRead(request, allowed, access.token))
      throw new AppError('FORBIDDEN', 'the metrics are read from the operators’ network or with the metrics token');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
