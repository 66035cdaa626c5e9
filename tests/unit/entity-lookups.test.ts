/**
 * The content script's lookups: one question to the background per entity
 * and page, and a failed one asked again.
 */
import { describe, expect, it, vi } from 'vitest';
import { cachedLookUp } from '../../entrypoints/content/entity-lookups';

const answer = { card: null };

describe('cachedLookUp', () => {
  it('asks once per entity, however often and however soon it is asked again', async () => {
    const ask = vi.fn(async (_entityId: string) => answer);
    const lookUp = cachedLookUp(ask);
    // Asked while the first question is still out (a hover, then its card opening), and after it was answered.
    const [first, second] = await Promise.all([lookUp('north-korea'), lookUp('north-korea')]);
    expect(await lookUp('north-korea')).toBe(first);
    expect(second).toBe(first);
    await lookUp('kim-jong-un');
    expect(ask.mock.calls).toEqual([['north-korea'], ['kim-jong-un']]);
  });

  it('asks again after a failed question, and keeps the answer that came', async () => {
    const ask = vi.fn<(entityId: string) => Promise<typeof answer>>().mockRejectedValueOnce(new Error('the background is starting')).mockResolvedValue(answer);
    const lookUp = cachedLookUp(ask);
    await expect(lookUp('north-korea')).rejects.toThrow('the background is starting');
    expect(await lookUp('north-korea')).toBe(answer);
    expect(await lookUp('north-korea')).toBe(answer);
    expect(ask).toHaveBeenCalledTimes(2);
  });
});
