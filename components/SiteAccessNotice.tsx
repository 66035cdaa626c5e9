import { useState } from 'preact/hooks';
import type { WithheldSite } from '../entrypoints/popup/site-access';
import { errorMessage } from '../utils/error-message';
import { useReload } from './use-reload';

type Props = {
  withheld: WithheldSite;
  /** Its id: the site switch is described by it, so a reader who tabs to the switch hears why nothing is marked. */
  id: string;
  /** The page was reloaded with the site allowed: nothing is left to say. */
  onDone: () => void;
};

/**
 * Why a site the switch says is on gets no marks: the browser keeps the
 * extension out of it. A press asks the browser to let it in (the browser
 * asks the reader); the page then needs to load again, as the content script
 * runs only when a page loads.
 */
export function SiteAccessNotice({ withheld, id, onDone }: Props) {
  const [allowed, setAllowed] = useState(false);
  const [allowProblem, setAllowProblem] = useState<string | undefined>();
  const [reload, reloadProblem] = useReload(withheld.reload, onDone);
  const allow = () => {
    setAllowProblem(undefined);
    // Straight from the click: the browser asks the reader only during one.
    withheld.allow().then(setAllowed, (error: unknown) => setAllowProblem(`The browser could not be asked: ${errorMessage(error)}`));
  };
  const problem = allowProblem ?? reloadProblem;
  return (
    <>
      <p role="status" class="notice" id={id}>
        {allowed
          ? 'Peninsula Lens may now read this site. This page is marked once it loads again.'
          : import.meta.env.FIREFOX
            ? 'Your browser does not let Peninsula Lens read this site, so nothing on it is marked.'
            : 'Your browser lets Peninsula Lens read this site only when you click its icon.'}{' '}
        <button type="button" class="notice-action" onClick={allowed ? reload : allow}>
          {allowed ? 'Reload the page' : 'Allow on this site'}
        </button>
      </p>
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
    </>
  );
}
