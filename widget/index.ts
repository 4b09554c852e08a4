// The widget's entry: registers <mx-lookup> (and the search panel it uses). The package's types are
// generated from this file (scripts/build-widget.mjs), so what it exports is the package's API.
import { defineMxLookup } from './mx-lookup';

export { MxLookup, defineMxLookup } from './mx-lookup';
export type { Mode, MxLookupEventMap } from './mx-lookup';
export type { SyncStatus } from './source-sync';
defineMxLookup();
