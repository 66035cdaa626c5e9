/**
 * Sends a request of the protocol to the background and checks the answer,
 * so a content script or the popup never acts on a malformed reply.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ErrorResponseSchema, type Request, type RequestType, type ResponseFor } from './protocol';

/**
 * Sends one request and checks the answer against `schema` (protocol.ts has
 * one for each request type); rejects with the background's own message when
 * it could not answer.
 */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  schema: v.GenericSchema<unknown, ResponseFor<T>>,
): Promise<ResponseFor<T>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = v.safeParse(schema, answer);
  if (parsed.success) return parsed.output;
  // Only an answer that is not the expected one is checked for the background's error message.
  const failure = v.safeParse(ErrorResponseSchema, answer);
  if (failure.success) throw new Error(failure.output.error);
  throw new Error(`Peninsula Lens got an unexpected answer to "${request.type}".`);
}
