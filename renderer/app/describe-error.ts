import { assertNever, type SerializedAppError } from '../../shared/errors';

/** What the error banner shows above main's own message. */
export interface ErrorPresentation {
  /** One short sentence: what went wrong, in the admin's words. */
  title: string;
  /** What to do next, when there is something useful to say. */
  hint?: string;
}

/**
 * Turns an error code into a heading and a next step for the banner.
 *
 * main's `message` already names the file, row or request; this adds the part that depends
 * only on the kind of failure. Every code is handled, so a new code fails the typecheck here.
 */
export function describeError(error: SerializedAppError): ErrorPresentation {
  switch (error.code) {
    case 'USAGE':
      return { title: 'That request could not be carried out' };
    case 'FILE_UNREADABLE':
      return {
        title: 'The file could not be read',
        hint: 'Save it as CSV (UTF-8) or XLSX and choose it again.',
      };
    case 'FILE_EMPTY':
      return {
        title: 'The file has no rows to import',
        hint: 'Check that you exported the right sheet, with a header row and at least one person.',
      };
    case 'PARSE_FAILED':
      return {
        title: 'The file is not a sheet batchline understands',
        hint: 'Open it in Excel or a text editor, fix the problem named above and save it again.',
      };
    case 'MAPPING_INCOMPLETE':
      return {
        title: 'Some required fields have no column',
        hint: 'Choose a column for every field marked required.',
      };
    case 'AUTH_MISSING':
      return {
        title: 'This connection has no credentials',
        hint: 'Add them in Settings, then push again.',
      };
    case 'AUTH_EXPIRED':
      return {
        title: 'The sign-in for this connection has expired',
        hint: 'Sign in again in Settings, then push again.',
      };
    case 'RATE_LIMITED':
      return {
        title: 'The phone system asked batchline to slow down',
        hint: 'Wait a minute and try again.',
      };
    case 'CONFLICT':
      return { title: 'The phone system already holds conflicting data' };
    case 'REMOTE_REJECTED':
      return { title: 'The phone system refused the request' };
    case 'NETWORK':
      return {
        title: 'batchline could not reach the service',
        hint: 'Check the network connection and try again.',
      };
    case 'CANCELLED':
      return { title: 'Cancelled' };
    case 'NOT_FOUND':
      return {
        title: 'That item is no longer available',
        hint: 'Start the import again by choosing the file.',
      };
    case 'BATCH_INVALID':
      return {
        title: 'This batch cannot be opened',
        hint: 'Choose the batch with the spreadsheet it was prepared from, unchanged, or start a new import from the spreadsheet.',
      };
    case 'IPC_INVALID_ARGS':
      return {
        title: 'batchline sent itself a request it could not accept',
        hint: 'This is a bug; please report it with the message above.',
      };
    case 'IPC_FORBIDDEN':
      return {
        title: 'This window is not allowed to talk to batchline',
        hint: 'Open batchline again from its own window, or from the address "npm run web" printed.',
      };
    case 'INTERNAL':
      return {
        title: 'Something went wrong inside batchline',
        hint: 'Try again; if it keeps happening, please report it.',
      };
    default:
      return assertNever(error.code);
  }
}
