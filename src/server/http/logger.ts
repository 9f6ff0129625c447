import type { FastifyServerOptions } from 'fastify';

/**
 * Pino options. Personal data never reaches a log line: bodies are not logged, and the paths that
 * could carry a BSN, a password, a token or note text are redacted should anything log them.
 */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.bsn',
        '*.token',
        '*.text',
        '*.note',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // The URL may carry ?q=<name or BSN> on search: log the path only.
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
    },
  };
}
