// The console (数治控制台): the built single-page app under /console/. Files are served as they are
// on disk (a rebuild while the server runs is picked up); any other path under /console/ is a deep
// link into the app and gets its index.html.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../lib/errors.js';

/** What the console may load: its own scripts and styles (antd writes inline styles), nothing else. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function registerConsole(app: FastifyInstance, dir: string): Promise<void> {
  app.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/', 301));
  await app.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root: dir,
        prefix: '/',
        index: false,
        schemaHide: true,
        // Hashed bundles never change; index.html must be fetched anew to pick up a new release.
        setHeaders: (reply, path) => {
          reply.header('content-security-policy', CONSOLE_CSP);
          reply.header(
            'cache-control',
            path.includes(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
      const sendApp = (reply: FastifyReply) => {
        if (!existsSync(join(dir, 'index.html'))) {
          throw new AppError(
            'UNAVAILABLE',
            `the console is not built in ${dir}: run npm run build:console (npm start builds it)`,
          );
        }
        return reply
          .code(200)
          .header('content-security-policy', CONSOLE_CSP)
          .header('cache-control', 'no-cache')
          .sendFile('index.html');
      };
      scope.get('/', { schema: { hide: true }, prefixTrailingSlash: 'slash' }, (_request, reply) => sendApp(reply));
      // A path that is no file is a page of the app (a deep link); a missing asset stays a 404.
      scope.setNotFoundHandler((request, reply) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || request.url.startsWith('/console/assets/'))
          throw new AppError('NOT_FOUND', `No such file ${request.url}`);
        return sendApp(reply);
      });
    },
    { prefix: '/console' },
  );
}
