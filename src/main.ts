import { mount } from 'svelte';
import App from './App.svelte';
import { warmFormatters } from './lib/format';
import { i18n } from './lib/i18n.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });

// The app now waits for IndexedDB: build the number and date formatters meanwhile (the first one
// loads the locale's data), rather than in the middle of the first chart's render.
setTimeout(() => warmFormatters(i18n.lang), 0);

// Printing shows every chart's data table: closed <details> are opened for the print and closed
// again afterwards (CSS alone cannot open them in every browser).
const openedForPrint = new Set<HTMLDetailsElement>();
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.open = true;
    openedForPrint.add(details);
  }
});
window.addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint.clear();
});
