import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { currentSite } from './current-site';

const root = document.getElementById('app');
if (root) render(<PopupApp site={currentSite(window.location)} />, root);
