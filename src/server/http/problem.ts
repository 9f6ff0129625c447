import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusForCode, titleForCode, type ErrorCode } from './errors.ts';

/** RFC 9457 problem details, with our stable `code`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { path: string; message: string }[];
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'type' | 'instance'> & Record<string, unknown>,
) {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send({ type: `https://meedoen.nl/problems/${problem.code}`, instance: request.url, ...problem });
}

/**
 * The answer to a request Fastify refuses before routing (an address it cannot decode, a path
 * parameter over the length limit): Fastify then runs no hook, so the security headers are set
 * here, and the body is problem+json like every other refusal. The payload goes as a string: the
 * reply has no route, so no serializer.
 */
export function answerFrameworkError(securityHeaders: Readonly<Record<string, string>>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const [status, code, detail] =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? ([414, 'validation_failed', 'A part of the address is too long'] as const)
        : error.code === 'FST_ERR_BAD_URL'
          ? ([400, 'validation_failed', 'The address cannot be read'] as const)
          : ([500, 'internal', 'The request could not be routed'] as const);
    const problem: Problem = { type: `https://meedoen.nl/problems/${code}`, title: titleForCode(code), status, detail, code };
    return reply.headers(securityHeaders).status(status).type('application/problem+json').send(JSON.stringify(problem));
  };
}

/** Turns every thrown error into problem+json; never a stack trace. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, request, {
        title: titleForCode(error.code),
        status: statusForCode(error.code),
        detail: error.message,
        code: error.code,
        ...(error.details ?? {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, request, {
        title: titleForCode('validation_failed'),
        status: 422,
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        code: 'validation_failed',
        errors,
      });
    }
    const fe = error as FastifyError;
    if (fe.statusCode === 429) {
      return sendProblem(reply, request, {
        title: titleForCode('rate_limited'),
        status: 429,
        detail: 'Too many requests; try again later',
        code: 'rate_limited',
      });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      return sendProblem(reply, request, {
        title: titleForCode('validation_failed'),
        status: fe.statusCode === 413 || fe.statusCode === 415 ? fe.statusCode : 400,
        detail: fe.message,
        code: 'validation_failed',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, {
      title: titleForCode('internal'),
      status: 500,
      detail: 'An unexpected error occurred',
      code: 'internal',
    });
  });

}
