/**
 * The request client checks the background's answer, not only the request:
 * a content script or the popup must never act on a malformed reply, such as
 * one from a stale or compromised background.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type EntityCard, EntityLookupSchema, PageStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** Makes the background answer every message with `answer`, whatever its shape. */
function backgroundAnswers(answer: unknown): void {
  // The polyfill's type says sendMessage resolves to void; a background answers with anything it likes.
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(answer as never);
}

const card: EntityCard = {
  id: 'north-korea',
  kind: 'state',
  name: 'North Korea',
  description: 'The state whose human rights record the Council discussed.',
  facts: [{ id: 'fact-a', claim: 'The Council met.', quotes: ['The Council met in December.'] }],
  related: [{ id: 'china', name: 'China', kind: 'state' }],
};

describe('sendRequest checks the answer to a well-formed request', () => {
  it('resolves with a card that has the expected shape', async () => {
    backgroundAnswers({ card });
    expect(await sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).toEqual({ card });
  });

  it('rejects a card that lacks most of its fields, instead of handing it on', async () => {
    backgroundAnswers({ card: { id: 'north-korea' } });
    await expect(sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).rejects.toThrow(
      'Peninsula Lens got an unexpected answer to "lookup-entity".',
    );
  });

  it('rejects a card with a field the protocol does not have (markup the card could be tricked into showing)', async () => {
    backgroundAnswers({ card: { ...card, html: '<img src=x onerror=alert(1)>' } });
    await expect(sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).rejects.toThrow(/unexpected answer to "lookup-entity"/);
  });

  it('accepts a matcher of 1,000,000 characters and rejects one a character longer', async () => {
    backgroundAnswers({ site: 'news.example', enabled: true, matcher: 'm'.repeat(1_000_000) });
    expect((await sendRequest({ type: 'site-status' }, PageStatusSchema)).matcher).toHaveLength(1_000_000);
    backgroundAnswers({ site: 'news.example', enabled: true, matcher: 'm'.repeat(1_000_001) });
    await expect(sendRequest({ type: 'site-status' }, PageStatusSchema)).rejects.toThrow(/unexpected answer to "site-status"/);
  });
});

describe('sendRequest and a background that stops while it is asked', () => {
  it.each([
    ['the channel closes', () => Promise.reject(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed'))],
    ['no answer comes', () => Promise.resolve(undefined)],
  ])('asks once more when %s, and takes the second answer', async (_case, firstTry) => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockImplementationOnce(firstTry as never)
      .mockResolvedValueOnce({ card } as never);
    expect(await sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).toEqual({ card });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not ask again after an answer, an error answer too, and tells of a second failure', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ error: 'The database could not be read.' } as never);
    await expect(sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).rejects.toThrow('The database could not be read.');
    expect(send).toHaveBeenCalledTimes(1);
    send.mockReset().mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).rejects.toThrow(/Could not establish connection/);
    expect(send).toHaveBeenCalledTimes(2);
    // No answer the second time: the first failure is the one told.
    send
      .mockReset()
      .mockRejectedValueOnce(new Error('The message channel closed.'))
      .mockResolvedValueOnce(undefined as never);
    await expect(sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).rejects.toThrow('The message channel closed.');
  });
});
