import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });

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
