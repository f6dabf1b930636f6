// The app's error handler: every error becomes a JSON answer, and nothing a client sends can crash
// the server.
//
//   zod error, Fastify schema validation   400 { error: 'bad_request', message, issues: [{ path, message }] }
//   HttpError (errors.ts)                  its status { error: code, message, issues? }
//   RetryLaterError (below)                its status, a Retry-After header and retryAfterSeconds
//   body too large                         413 { error: 'payload_too_large', message }
//   invalid or empty JSON body             400 { error: 'bad_request', message }
//   unsupported content type               415 { error: 'unsupported_media_type', message }
//   other Fastify 4xx errors               their status, with Fastify's message
//   anything else                          500 { error: 'internal', message: GENERIC, errorId },
//                                          logged with the same errorId
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, type FieldIssue } from '../errors';

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on the server. Your changes are kept on your device.';

/** An HttpError that tells the client when to try again (lockout, rate limit). */
export class RetryLaterError extends HttpError {
  constructor(
    statusCode: number,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(statusCode, code, message);
    this.name = 'RetryLaterError';
  }
}

export interface ErrorBody {
  error: string;
  message: string;
  issues?: FieldIssue[];
  errorId?: string;
  retryAfterSeconds?: number;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  411: 'length_required',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  422: 'unprocessable',
  423: 'locked',
  429: 'too_many_requests',
  431: 'headers_too_large',
};

/** A zod path as a dotted string: ['answers', 'q1', 0] → 'answers.q1.0'; the root is ''. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function zodIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

function validationMessage(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path === '' ? '' : ` (${first.path})`;
  const more = issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : '';
  return `The request is not valid: ${first.message}${where}${more}.`;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

function humanBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Maps any error to a status and a JSON body; `errorId` is set only for 500s. */
export function toErrorResponse(
  error: unknown,
  bodyLimitBytes: number,
): { statusCode: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error.issues && error.issues.length > 0) body.issues = error.issues;
    if (error instanceof RetryLaterError) body.retryAfterSeconds = error.retryAfterSeconds;
    return { statusCode: error.statusCode, body };
  }
  if (error instanceof z.core.$ZodError) {
    const issues = zodIssues(error);
    return {
      statusCode: 400,
      body: { error: 'bad_request', message: validationMessage(issues), issues },
    };
  }
  if (isFastifyError(error)) {
    if (error.validation) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.'),
        message: v.message ?? 'is not valid',
      }));
      return {
        statusCode: 400,
        body: { error: 'bad_request', message: validationMessage(issues), issues },
      };
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return {
          statusCode: 413,
          body: {
            error: 'payload_too_large',
            message: `The request is larger than the server accepts (${humanBytes(bodyLimitBytes)}). Send fewer changes at a time.`,
          },
        };
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return {
          statusCode: 400,
          body: { error: 'bad_request', message: 'The request body is not valid JSON.' },
        };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return {
          statusCode: 400,
          body: {
            error: 'bad_request',
            message: 'The request body is empty but its content type says JSON.',
          },
        };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return {
          statusCode: 415,
          body: {
            error: 'unsupported_media_type',
            message: 'Unsupported content type: send the request body as application/json.',
          },
        };
    }
  }
  // Errors that carry a 4xx status (Fastify's own, JSON.parse in a content parser, @fastify/static)
  // describe the request, not the server: pass them through.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (
    error instanceof Error &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500
  ) {
    if (error instanceof SyntaxError) {
      return {
        statusCode: 400,
        body: { error: 'bad_request', message: 'The request body is not valid JSON.' },
      };
    }
    return {
      statusCode,
      body: { error: CODE_BY_STATUS[statusCode] ?? 'bad_request', message: error.message },
    };
  }
  return {
    statusCode: 500,
    body: {
      error: 'internal',
      message: INTERNAL_ERROR_MESSAGE,
      errorId: randomBytes(8).toString('hex'),
    },
  };
}

/** Installs the error handler on `app` (the root instance, so every plugin inherits it). */
export function registerErrorHandler(app: FastifyInstance, options: { bodyLimitBytes: number }) {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { statusCode, body } = toErrorResponse(error, options.bodyLimitBytes);
    if (statusCode >= 500) {
      request.log.error({ err: error, errorId: body.errorId }, 'Unhandled error');
    } else {
      request.log.info({ statusCode, code: body.error, message: body.message }, 'Request refused');
    }
    if (statusCode === 401) reply.header('www-authenticate', 'Bearer');
    if (body.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(body.retryAfterSeconds));
    }
    return reply.code(statusCode).header('cache-control', 'no-store').send(body);
  });
}
