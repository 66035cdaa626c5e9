import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EntityKind } from '../data/schema';
import type { WithheldSite } from '../entrypoints/popup/site-access';
import { errorMessage } from '../utils/error-message';
import { unmarkedWith } from '../utils/marked-kinds';
import {
  type MarkedKinds,
  MarkedKindsSchema,
  SearchAnswerSchema,
  type SiteStatus,
  SiteStatusSchema,
  type StorageStatus,
  StorageStatusSchema,
  TimelineSchema,
} from '../utils/protocol';
import { sendRequest } from '../utils/request-client';
import { LOCAL_FILES_SITE } from '../utils/site';
import type { StaleTab } from '../utils/tabs-before-install';
import { ColourKey } from './ColourKey';
import { SearchPanel } from './SearchPanel';
import { SiteAccessNotice } from './SiteAccessNotice';
import { SiteSwitch } from './SiteSwitch';
import { TimelinePanel } from './TimelinePanel';
import { useReload } from './use-reload';

type Props = {
  site: Promise<string | null>;
  /** Set where the tab was open before the extension was installed, updated or turned on (utils/tabs-before-install.ts). */
  staleTab?: Promise<StaleTab | null>;
  /** Set where the browser keeps the extension out of the site (entrypoints/popup/site-access.ts). */
  withheldSite?: Promise<WithheldSite | null>;
};

/** How long the background may take to say whether this site is on before the popup says it is still waiting. */
const SLOW_ANSWER_MS = 3000;

/** The toolbar popup: the switch for the current site, where facts come from, and lookup. */
export function PopupApp({ site, staleTab, withheldSite }: Props) {
  const [status, setStatus] = useState<SiteStatus | undefined>();
  const [storage, setStorage] = useState<StorageStatus | undefined>();
  /** The setting asked for and being saved: the switch shows it at once, and comes back if saving fails. */
  const [saving, setSaving] = useState<boolean | undefined>();
  /** Why the last press of the switch was not saved; gone at the next press. */
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  /**
   * Why stored settings could not be read, as the latest answer about them says: a save writes readable
   * settings over them, and its answer then says nothing.
   */
  const [settingsProblem, setSettingsProblem] = useState<string | undefined>();
  /** Why this site's setting could not be read; apart from the storage's, so neither answer hides the other. */
  const [siteProblem, setSiteProblem] = useState<string | undefined>();
  const [storageProblem, setStorageProblem] = useState<string | undefined>();
  /** Whether Chromium lets the extension into local files: off until the reader allows it, for store installs. */
  const [fileAccess, setFileAccess] = useState<boolean | undefined>();
  /** Whether the browser has answered about local files (its answer may be none). */
  const [fileAccessAnswered, setFileAccessAnswered] = useState(false);
  /** The background has not answered about this site for a while. */
  const [slowToAnswer, setSlowToAnswer] = useState(false);
  /** The kinds of names not marked on pages; undefined until the background has said. */
  const [unmarked, setUnmarked] = useState<EntityKind[] | undefined>();
  /** Why the kinds marked could not be read, or the last choice of them was not saved. */
  const [kindsProblem, setKindsProblem] = useState<string | undefined>();
  /** undefined until the tab's question is answered (or none was asked). */
  const [stale, setStale] = useState<StaleTab | null | undefined>(staleTab ? undefined : null);

  /** undefined until the browser has said whether it keeps the extension out of the site (or none was asked). */
  const [withheld, setWithheld] = useState<WithheldSite | null | undefined>(withheldSite ? undefined : null);

  // Not knowing whether the tab was open before, or whether the site is withheld, is no problem to report:
  // the notice is then left out.
  useEffect(() => {
    staleTab?.then(setStale, () => setStale(null));
  }, [staleTab]);
  useEffect(() => {
    withheldSite?.then(setWithheld, () => setWithheld(null));
  }, [withheldSite]);
  const forgetStaleTab = useCallback(() => setStale(null), []);
  const [reloadStaleTab, reloadProblem] = useReload(stale?.reload, forgetStaleTab);

  const showStatus = useCallback((answer: SiteStatus) => {
    setStatus(answer);
    setSettingsProblem(answer.settingsProblem);
  }, []);
  const showKinds = useCallback((answer: MarkedKinds) => {
    setUnmarked(answer.unmarkedKinds);
    setSettingsProblem(answer.settingsProblem);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setSlowToAnswer(true), SLOW_ANSWER_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    site
      .then((name) => (name === null ? { site: null, enabled: true } : sendRequest({ type: 'site-status-for', site: name }, SiteStatusSchema)))
      .then(showStatus, (error: unknown) => setSiteProblem(`Could not read this site’s setting: ${errorMessage(error)}`));
    sendRequest({ type: 'storage-status' }, StorageStatusSchema).then(setStorage, (error: unknown) =>
      setStorageProblem(`Could not ask where facts come from: ${errorMessage(error)}`),
    );
    sendRequest({ type: 'marked-kinds' }, MarkedKindsSchema).then(showKinds, (error: unknown) =>
      setKindsProblem(`Could not read which names are marked: ${errorMessage(error)}`),
    );
  }, [site, showStatus, showKinds]);

  // Firefox answers false whatever the truth: its content scripts read local files with no setting to allow.
  const onLocalFiles = status?.site === LOCAL_FILES_SITE;
  useEffect(() => {
    if (!onLocalFiles || import.meta.env.FIREFOX) return;
    browser.extension
      .isAllowedFileSchemeAccess()
      .then(setFileAccess, () => setFileAccess(undefined))
      .finally(() => setFileAccessAnswered(true));
  }, [onLocalFiles]);

  const waitingForSite = status === undefined && siteProblem === undefined;
  const waitingForFileAccess = onLocalFiles && !import.meta.env.FIREFOX && !fileAccessAnswered;

  const toggle = useCallback(
    (enabled: boolean) => {
      if (!status?.site) return;
      setSaving(enabled);
      setSaveProblem(undefined);
      sendRequest({ type: 'set-site-enabled', site: status.site, enabled }, SiteStatusSchema)
        .then(showStatus, (error: unknown) => setSaveProblem(`The setting was not saved: ${errorMessage(error)}`))
        .finally(() => setSaving(undefined));
    },
    [status, showStatus],
  );

  // The box shows the choice at once; the background's answer (or, where saving fails, what is stored) follows.
  // Only the answer to the last change is shown: an earlier one, arriving while a later change is on its way
  // or after it, would tick again a box the reader has just cleared (each answer holds every kind).
  const lastKindsChange = useRef(0);
  const markKind = useCallback(
    (kind: EntityKind, marked: boolean) => {
      const change = ++lastKindsChange.current;
      const isLast = () => change === lastKindsChange.current;
      setKindsProblem(undefined);
      setUnmarked((now) => now && unmarkedWith(now, kind, marked));
      sendRequest({ type: 'set-kind-marked', kind, marked }, MarkedKindsSchema).then(
        (answer) => isLast() && showKinds(answer),
        (error: unknown) => {
          // Told even when a later change follows: that one's answer then shows what is stored.
          setKindsProblem(`The choice of names to mark was not saved: ${errorMessage(error)}`);
          if (!isLast()) return;
          sendRequest({ type: 'marked-kinds' }, MarkedKindsSchema).then(
            (answer) => isLast() && showKinds(answer),
            // Not read either: the box goes back to what it was before the click that was not saved, and stays
            // in reach (shut boxes would drop the focus of a reader on one).
            () => isLast() && setUnmarked((now) => now && unmarkedWith(now, kind, !marked)),
          );
        },
      );
    },
    [showKinds],
  );

  const search = useCallback((query: string) => sendRequest({ type: 'search', query }, SearchAnswerSchema), []);
  const loadTimeline = useCallback(() => sendRequest({ type: 'timeline' }, TimelineSchema).then((answer) => answer.facts), []);

  return (
    // Busy until it has said what it knows of this tab and site: a screen reader waits for it, and so can a test.
    // Not past the moment it says it is still waiting: a background that never answers would keep it busy for good.
    <main class="popup" aria-busy={!slowToAnswer && (waitingForSite || stale === undefined || withheld === undefined || waitingForFileAccess)}>
      <h1>Peninsula Lens</h1>
      {status === undefined && !siteProblem && (
        <p class="status">
          Reading this site’s setting…
          {slowToAnswer && ' Peninsula Lens’s background has not answered yet; if this stays, close this popup and open it again.'}
        </p>
      )}
      {status && status.site === null && <p class="status">Peninsula Lens does not run on this page.</p>}
      {status?.site && (
        <SiteSwitch
          site={status.site}
          enabled={saving ?? status.enabled}
          busy={saving !== undefined}
          onChange={toggle}
          // Read out with the switch: a reader who tabs through the popup reaches no paragraph.
          describedBy={status.enabled ? (withheld ? 'site-access how-to-open' : 'how-to-open') : undefined}
        />
      )}
      {status?.site && status.enabled && withheld && <SiteAccessNotice withheld={withheld} id="site-access" onDone={() => setWithheld(null)} />}
      {status?.site && status.enabled && (
        <p class="hint" id="how-to-open">
          Point at a marked name or tap it for its card. From the keyboard, <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>↓</kbd> and <kbd>Alt</kbd>+<kbd>Shift</kbd>+
          <kbd>↑</kbd> step through the marked names, and <kbd>Escape</kbd> closes the card.
        </p>
      )}
      {/* On local files, only once the browser lets the extension in: else a reload changes nothing, and the notice below says what does. */}
      {status?.site && status.enabled && stale && !withheld && !(onLocalFiles && fileAccess !== true) && (
        <p role="status" class="notice">
          This page was open before Peninsula Lens was installed, updated or turned on: nothing on it is marked until it loads again.{' '}
          <button type="button" class="notice-action" onClick={reloadStaleTab}>
            Reload the page
          </button>
        </p>
      )}
      {status?.site && status.enabled && <ColourKey unmarked={unmarked} onChange={markKind} />}
      {onLocalFiles && fileAccess === false && (
        <p role="status" class="notice">
          This browser lets extensions into local files only once you allow it: on its extensions page, open Peninsula Lens’s details and turn on “Allow access
          to file URLs”. Until then nothing is marked on local files.
        </p>
      )}
      {settingsProblem && (
        <p role="alert" class="problem">
          {settingsProblem}
        </p>
      )}
      {storage?.mode === 'memory' && (
        <p role="status" class="notice">
          {storage.problem}
        </p>
      )}
      {[siteProblem, storageProblem, kindsProblem, reloadProblem].map(
        (problem) =>
          problem && (
            <p key={problem} role="alert" class="problem">
              {problem}
            </p>
          ),
      )}
      {saveProblem && (
        <p role="alert" class="problem">
          {saveProblem}
        </p>
      )}
      <SearchPanel search={search} />
      <TimelinePanel load={loadTimeline} />
    </main>
  );
}
