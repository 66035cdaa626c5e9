/** Waiting in end-to-end tests: for a condition to hold, or a value to come, asked every 100 ms. */

export async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/** The first value `read` gives that is not null, asked every 100 ms. */
export async function pollFor<T>(read: () => Promise<T | null>, what: string): Promise<T> {
  let value: T | null = null;
  await waitFor(async () => {
    value = await read();
    return value !== null;
  }, what);
  return value as T;
}
