import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { currentSite, reloadPopupTab, staleTab } from './current-site';
import { withheldSite } from './site-access';

const root = document.getElementById('app');
if (root) {
  const site = currentSite(window.location);
  const withheld = site.then((name) => withheldSite(name, () => reloadPopupTab(window.location)));
  render(<PopupApp site={site} staleTab={staleTab(window.location)} withheldSite={withheld} />, root);
}
