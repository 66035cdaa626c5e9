/**
 * The background's side of the protocol for component tests: answers each
 * request the fake browser carries with what the test says.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../../utils/protocol';

export type Answers = { [T in Request['type']]?: (request: Extract<Request, { type: T }>) => unknown };

/** What a background with nothing stored answers where the test says nothing: every kind of name is marked. */
const DEFAULT_ANSWERS: Answers = { 'marked-kinds': () => ({ unmarkedKinds: [] }) };

/** Answers the requests sent through the fake browser as the background would; returns the list of those received. */
export function serveRequests(given: Answers): Request[] {
  const answers: Answers = { ...DEFAULT_ANSWERS, ...given };
  const received: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const request = message as Request;
    received.push(request);
    const answer = answers[request.type] as ((request: Request) => unknown) | undefined;
    sendResponse(answer ? answer(request) : { error: `no answer for ${request.type}` });
    return true;
  });
  return received;
}
