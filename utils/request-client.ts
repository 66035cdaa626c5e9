/**
 * Sends a request of the protocol to the background and checks the answer,
 * so a content script or the popup never acts on a malformed reply.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ErrorResponseSchema, type Request, type RequestType, type ResponseFor } from './protocol';

/**
 * The background's answer to a request, asked a second time when the first try got none: a background the
 * browser stopped while it was asked (Chrome stops an idle service worker) closes the channel, or answers
 * nothing, and the next try starts it afresh. An answer, an error answer too, is not asked for again.
 */
async function askTwice(request: Request): Promise<unknown> {
  let firstFailure: unknown;
  try {
    const answer: unknown = await browser.runtime.sendMessage(request);
    if (answer !== undefined) return answer;
  } catch (error) {
    firstFailure = error;
  }
  const answer: unknown = await browser.runtime.sendMessage(request);
  // No answer the second time either: the first failure says why better than "an unexpected answer" would.
  if (answer === undefined && firstFailure !== undefined) throw firstFailure;
  return answer;
}

/**
 * Sends one request and checks the answer against `schema` (protocol.ts has
 * one for each request type); rejects with the background's own message when
 * it could not answer.
 */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  schema: v.GenericSchema<unknown, ResponseFor<T>>,
): Promise<ResponseFor<T>> {
  const answer = await askTwice(request);
  const parsed = v.safeParse(schema, answer);
  if (parsed.success) return parsed.output;
  // Only an answer that is not the expected one is checked for the background's error message.
  const failure = v.safeParse(ErrorResponseSchema, answer);
  if (failure.success) throw new Error(failure.output.error);
  throw new Error(`Peninsula Lens got an unexpected answer to "${request.type}".`);
}
