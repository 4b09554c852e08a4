// The widget's entry: registers <mx-lookup> (and the search panel it uses).
import { defineMxLookup } from './mx-lookup';

export { MxLookup } from './mx-lookup';
defineMxLookup();
