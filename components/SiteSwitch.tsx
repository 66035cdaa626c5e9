type Props = {
  site: string;
  enabled: boolean;
  busy: boolean;
  onChange: (enabled: boolean) => void;
};

/** The switch that turns the extension on or off for one site. */
export function SiteSwitch({ site, enabled, busy, onChange }: Props) {
  return (
    <label class="site-switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={enabled}
        checked={enabled}
        disabled={busy}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>
        {enabled ? 'On' : 'Off'} for <strong class="site-name">{site}</strong>
      </span>
    </label>
  );
}
