import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { currentSite, staleTab } from './current-site';

const root = document.getElementById('app');
if (root) render(<PopupApp site={currentSite(window.location)} staleTab={staleTab(window.location)} />, root);
