import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers one file at a time: two cores cannot run two browsers well.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
