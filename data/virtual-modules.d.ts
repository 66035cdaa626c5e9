// Types of the modules scripts/facts-pack-plugin.ts builds from data/ after checking it.
declare module 'virtual:facts-pack' {
  import type { Entity, Fact } from './schema';
  export const entities: Entity[];
  export const facts: Fact[];
  /** Changes whenever the bundled data changes; the cache reseeds on a new one. */
  export const dataVersion: string;
}

declare module 'virtual:matcher-entities' {
  import type { MatcherEntity } from '../utils/matcher/compile';

  const entities: MatcherEntity[];
  export default entities;
}

declare module 'virtual:compiled-matcher' {
  /** The matcher compiled at build time, as JSON text (utils/matcher/shipped.ts reads it). */
  const compiledMatcherJson: string;
  export default compiledMatcherJson;
}
