/**
 * Cards' facts, asked of the background once per entity and page: a name
 * pointed at again, or a related name followed back, opens at once. A name
 * the pointer rests on is asked about before its card opens, so a background
 * the browser had stopped meanwhile starts up during the hover's wait.
 */
import type * as v from 'valibot';
import { EntityLookupSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';

type EntityLookup = v.InferOutput<typeof EntityLookupSchema>;

export type LookUp = (entityId: string) => Promise<EntityLookup>;

const askBackground: LookUp = (entityId) => sendRequest({ type: 'lookup-entity', entityId }, EntityLookupSchema);

/** Looks entities up through `ask`, once each; one that failed is asked again the next time. */
export function cachedLookUp(ask: LookUp = askBackground): LookUp {
  const answers = new Map<string, Promise<EntityLookup>>();
  return (entityId) => {
    let answer = answers.get(entityId);
    if (!answer) {
      answer = ask(entityId);
      answers.set(entityId, answer);
      // The background may have been restarting, or its database failing: the next card asks afresh.
      answer.catch(() => answers.delete(entityId));
    }
    return answer;
  };
}
