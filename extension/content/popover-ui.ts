// The content script's UI half, loaded on the first lookup of a page (a web-accessible ES module
// imported from the content script, so pages where nobody selects never parse lit-html or
// floating-ui). Built by the hook in wxt.config.ts.
export { Popover } from '../../components/lookup/popover';
