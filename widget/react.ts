// JSX typing of <mx-lookup> for React 19 apps (`@medixchange/lookup-widget/react`, types only):
// `import type {} from '@medixchange/lookup-widget/react'` once, then
// `<mx-lookup mode="search" lang={lang} onmx-lookup-open={(event) => show(event.detail.id)} />` is
// checked. React 19 sets a custom element's props as its properties and listens to its events by
// `on` + the event's own name. Derived from the element's class and event map, so it cannot drift.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MxLookup, MxLookupEventMap } from './mx-lookup';

/**
 * What a page sets on <mx-lookup>. `key` (a source's public key) is missing on purpose: React keeps
 * the `key` prop for itself and never passes it on; set it with a ref (`element.key = …`).
 */
export type MxLookupProps = Partial<Pick<MxLookup, 'index' | 'lang' | 'mode' | 'scope' | 'placeholder' | 'theme' | 'source'>>;

/** `onmx-lookup-open={(event) => event.detail.id}` and the other events, typed by their detail. */
export type MxLookupEventProps = { [K in keyof MxLookupEventMap as `on${K}`]?: (event: MxLookupEventMap[K]) => void };

export type MxLookupJsxProps = Omit<DetailedHTMLProps<HTMLAttributes<MxLookup>, MxLookup>, keyof MxLookupProps> & MxLookupProps & MxLookupEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares its JSX types in a namespace; only this merges with them
  namespace JSX {
    interface IntrinsicElements {
      'mx-lookup': MxLookupJsxProps;
    }
  }
}
