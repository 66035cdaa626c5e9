/**
 * parseRequest: only well-formed requests of the protocol get through.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../utils/protocol';

describe('parseRequest', () => {
  it.each([
    [{ type: 'lookup-entity', entityId: 'north-korea' }],
    [{ type: 'search', query: 'Heusgen' }],
    [{ type: 'search', query: '' }],
    [{ type: 'timeline' }],
    [{ type: 'site-status' }],
    [{ type: 'page-not-read' }],
    [{ type: 'site-status-for', site: 'example.com' }],
    [{ type: 'set-site-enabled', site: 'example.com', enabled: false }],
    [{ type: 'storage-status' }],
  ])('accepts %j', (message) => {
    expect(parseRequest(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['a type in the wrong case', { type: 'Timeline' }],
    ['no type', { entityId: 'north-korea' }],
    ['a string', 'timeline'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ type: 'timeline' }]],
  ])('rejects %s', (_name, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });

  it.each([
    ['a field on a request that takes none', { type: 'timeline', extra: 1 }],
    ['a note that names a tab of its own', { type: 'page-not-read', tabId: 3 }],
    ['an extra field', { type: 'lookup-entity', entityId: 'north-korea', tabId: 3 }],
    ['a sender claim', { type: 'set-site-enabled', site: 'example.com', enabled: false, sender: 'popup' }],
  ])('rejects %s', (_name, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });

  it.each([
    ['a numeric entity id', { type: 'lookup-entity', entityId: 42 }],
    ['an entity id that is not an id', { type: 'lookup-entity', entityId: 'North Korea' }],
    ['a missing entity id', { type: 'lookup-entity' }],
    ['a query that is not a string', { type: 'search', query: ['North Korea'] }],
    ['enabled as a string', { type: 'set-site-enabled', site: 'example.com', enabled: 'false' }],
    ['enabled missing', { type: 'set-site-enabled', site: 'example.com' }],
    ['an empty site to change', { type: 'set-site-enabled', site: '', enabled: true }],
    ['a site that is not a string', { type: 'site-status-for', site: null }],
  ])('rejects %s', (_name, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });

  it('rejects oversize strings, and accepts them at the limit', () => {
    expect(parseRequest({ type: 'search', query: 'x'.repeat(200) })).toBeDefined();
    expect(parseRequest({ type: 'search', query: 'x'.repeat(201) })).toBeUndefined();
    expect(parseRequest({ type: 'lookup-entity', entityId: 'a'.repeat(100) })).toBeDefined();
    expect(parseRequest({ type: 'lookup-entity', entityId: 'a'.repeat(101) })).toBeUndefined();
    expect(parseRequest({ type: 'site-status-for', site: 's'.repeat(300) })).toBeDefined();
    expect(parseRequest({ type: 'site-status-for', site: 's'.repeat(301) })).toBeUndefined();
    expect(parseRequest({ type: 'set-site-enabled', site: 's'.repeat(301), enabled: true })).toBeUndefined();
  });

  it('returns a copy of the request, not the message object', () => {
    const message = { type: 'search', query: 'Biegun' };
    const parsed = parseRequest(message);
    expect(parsed).toEqual(message);
    expect(parsed).not.toBe(message);
  });
});
