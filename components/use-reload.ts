import { useCallback, useState } from 'preact/hooks';
import { errorMessage } from '../utils/error-message';

/**
 * A press that reloads the popup's tab, as the notices that need the page to load again offer it, and why
 * it could not, until the next press. `onReloaded` once the browser reloaded it.
 */
export function useReload(reload: (() => Promise<void>) | undefined, onReloaded: () => void): [press: () => void, problem: string | undefined] {
  const [problem, setProblem] = useState<string | undefined>();
  const press = useCallback(() => {
    if (!reload) return;
    setProblem(undefined);
    reload().then(onReloaded, (error: unknown) => setProblem(`The page could not be reloaded: ${errorMessage(error)}`));
  }, [reload, onReloaded]);
  return [press, problem];
}
