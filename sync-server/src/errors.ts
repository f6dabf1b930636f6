// Errors routes throw to produce a clear HTTP answer; the error handler (plugins/errors.ts)
// turns them into JSON. Anything else becomes a 500 with a generic message and a logged error id.
export interface FieldIssue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = 'Sign in again.') =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const badRequest = (message: string, issues?: FieldIssue[]) =>
  new HttpError(400, 'bad_request', message, issues);
