import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { factsPack } from './scripts/facts-pack-plugin';

// The fewest permissions the features need; README "Permissions" says why each is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size, 16 to 128 px, drawn from one picture (sharp renders the SVG): a set of PNGs made by hand
  // goes out of step with the picture it was made from.
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  imports: false,
  // Firefox gets MV3 as Chrome does: one manifest model, and its background is an
  // event page the browser may stop at will, like Chrome's service worker.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), factsPack()],
    build: {
      // Terser packs the content script, which every page loads, 4 % tighter than esbuild's minifier
      // (29.4 against 30.7 kB gzip): room under the 30 kB budget. Four passes pack it 36 bytes tighter than
      // two (five: 8 bytes looser).
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 4 } },
      // The manifest's minimum browsers: the CSS minifier adds no prefix they do without (-webkit-user-select).
      cssTarget: ['chrome128', 'firefox140'],
      // Both browsers preload modules natively; Vite's stand-in would put a fetch() into the popup.
      modulePreload: { polyfill: false },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Peninsula Lens',
    description: 'Marks mentions of the UN Security Council, North Korea and the actors around them, with facts from one bundled article.',
    permissions: ['storage', 'activeTab'],
    // The card's own bundle (entrypoints/card.ts), which the content script imports when a page first needs a
    // card. At its fixed address: Chrome's use_dynamic_url (an address made anew each session) came in Chrome
    // 130, whose first releases refused a content script's import of such a file (crbug.com/363027634), and
    // a page can tell the extension is installed from its marks' styles anyway (README "What a page can observe").
    web_accessible_resources: [{ resources: ['card.js'], matches: ['<all_urls>'] }],
    // The toolbar shows the same icons the extension's pages list (auto-icons writes them to icons/).
    action: { default_title: 'Peninsula Lens', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'peninsula-lens@peninsula-lens.org',
              // 140 is the first release with the CSS Custom Highlight API and
              // data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // 128: caretPositionFromPoint, which finds mentions inside shadow roots under the pointer.
        { minimum_chrome_version: '128' }),
  }),
});
