// Types of the modules scripts/facts-pack-plugin.ts builds from data/ after checking it.
declare module 'virtual:facts-pack' {
  import type { Entity, Fact } from './schema';
  export const entities: Entity[];
  export const facts: Fact[];
  /** Changes whenever the bundled data changes; the cache reseeds on a new one. */
  export const dataVersion: string;
}

declare module 'virtual:matcher-entities' {
  import type { MatcherEntity } from '../utils/matcher/matcher';

  const entities: MatcherEntity[];
  export default entities;
}
