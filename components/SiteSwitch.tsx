import { siteName } from '../utils/site';

type Props = {
  site: string;
  enabled: boolean;
  busy: boolean;
  onChange: (enabled: boolean) => void;
  /** The id of what tells how to use the marks the switch turns on: read out with the switch. */
  describedBy?: string;
};

/**
 * The switch that turns the extension on or off for one site. Its name stays
 * the same whichever way it is set ("Mark names on news.example"), so a
 * screen reader says the name and then "on" or "off"; the word beside it
 * says the same to the eye.
 */
export function SiteSwitch({ site, enabled, busy, onChange, describedBy }: Props) {
  return (
    <label class="site-switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={enabled}
        aria-describedby={describedBy}
        checked={enabled}
        // Not `disabled` while the setting is saved: that would throw keyboard focus out of the switch.
        aria-disabled={busy}
        onClick={(event) => {
          // A press while the last one is saved changes nothing (and fires no change).
          if (busy) event.preventDefault();
        }}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>
        Mark names on <strong class="site-name">{siteName(site)}</strong>
      </span>
      <span class="switch-state" aria-hidden="true">
        {enabled ? 'On' : 'Off'}
      </span>
    </label>
  );
}
