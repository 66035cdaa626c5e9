import { useState } from 'preact/hooks';
import { errorMessage } from '../utils/error-message';
import type { FactView } from '../utils/protocol';
import { FactItem } from './FactItem';
import { repeatedQuotes } from './repeated-quotes';

type Props = { load: () => Promise<FactView[]> };

/** The article's dated events in order, shown on request. */
export function TimelinePanel({ load }: Props) {
  const [facts, setFacts] = useState<FactView[] | undefined>();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const repeated = facts && repeatedQuotes(facts);

  const toggle = () => {
    setOpen(!open);
    if (!open && !facts) {
      // A try after a failed one: the old failure goes, and a new one is told if it fails too.
      setProblem(undefined);
      load().then(setFacts, (error: unknown) => setProblem(`The timeline could not be loaded: ${errorMessage(error)}`));
    }
  };

  return (
    <section class="timeline" aria-label="Timeline">
      <button type="button" class="timeline-toggle" aria-expanded={open} onClick={toggle}>
        {open ? 'Hide the timeline' : 'Show the timeline'}
      </button>
      {open && problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {open && !facts && !problem && (
        <p role="status" class="status">
          Loading the timeline…
        </p>
      )}
      {open && facts && (
        <ol class="facts timeline-facts">
          {facts.map((fact) => (
            <FactItem fact={fact} shownAbove={repeated?.get(fact)} key={fact.id} />
          ))}
        </ol>
      )}
    </section>
  );
}
