// Every message between the extension's parts: one typed union per direction, checked with a
// schema where it arrives (background) so a malformed message gets a clear error, never a crash.
import * as v from 'valibot';
import type { Entry } from '../core/index/types';
import type { Hit } from '../core/match/types';
import type { SourceConfig, SourceState } from '../core/sync/types';

const text = v.pipe(v.string(), v.maxLength(20_000));
const lang = v.optional(v.pipe(v.string(), v.maxLength(16)));

export const requestSchema = v.variant('type', [
  /** A selection: a term or a sentence. The background decides between lookup and scan. */
  v.object({
    type: v.literal('lookup'),
    text,
    /** The text around the selection and where the selection starts in it. */
    context: v.optional(text),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20_000))),
    lang,
  }),
  /** Type-ahead in the popup, the omnibox and the entry page. */
  v.object({ type: v.literal('suggest'), text, lang, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))) }),
  v.object({ type: v.literal('entry'), id: v.pipe(v.string(), v.maxLength(100)) }),
  v.object({ type: v.literal('status') }),
]);
export type Request = v.InferOutput<typeof requestSchema>;

/** What a selection found: one card (`mode: 'term'`) or a list of terms in a sentence. */
export type { LookupAnswer } from '../components/lookup/controller';
import type { LookupAnswer } from '../components/lookup/controller';

export interface SuggestAnswer {
  hits: Hit[];
  entries: Record<string, Entry>;
}

export interface IndexStatus {
  /** The layers in use, e.g. `default@1+hospital@12`. */
  source: string;
  version: number;
  built: string;
  entries: number;
  terms: number;
  /** Set while an installed source's guidance could not be read (the answers lack it until it can). */
  problem?: string;
  /** The errors the background let pass lately, each with why (for diagnosis on the options page). */
  ignored: { why: string; message: string; at: string }[];
}

export interface Answers {
  lookup: LookupAnswer;
  suggest: SuggestAnswer;
  entry: Entry | null;
  status: IndexStatus;
}

/** Requests that change or reveal the configuration: accepted from the extension's own pages only. */
const newSource = v.object({
  name: v.pipe(v.string(), v.maxLength(100)),
  manifestUrl: v.pipe(v.string(), v.maxLength(2000)),
  publicKey: v.pipe(v.string(), v.maxLength(200)),
  priority: v.pipe(v.number(), v.integer()),
});

export const adminRequestSchema = v.variant('type', [
  v.object({ type: v.literal('sources') }),
  /** Sync now: one source, or every enabled one; ignores the back-off. */
  v.object({ type: v.literal('sync'), id: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  v.object({ type: v.literal('add-source'), source: newSource }),
  v.object({ type: v.literal('remove-source'), id: v.pipe(v.string(), v.maxLength(100)) }),
]);
export type AdminRequest = v.InferOutput<typeof adminRequestSchema>;

export interface SourceView {
  config: SourceConfig;
  state?: SourceState;
  /** Entries of its installed index. */
  entries?: number;
}

export interface SourcesAnswer {
  sources: SourceView[];
  /** False when the policy lets only hospital IT's sources in. */
  allowUserSources: boolean;
  /** What the policy sets (shown locked in the options). */
  locked: ('triggers' | 'disabledSites' | 'language')[];
  /** Parts of the managed policy that were not valid and were ignored. */
  policyProblems: string[];
  /** Problems of a source that was just added (empty when it was added). */
  problems: string[];
}

export type AdminAnswers = { [K in AdminRequest['type']]: SourcesAnswer };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the background sends to a tab's content script. */
export type TabCommand = { type: 'lookup-selection'; text?: string } | { type: 'focus-popover' } | { type: 'is-pdf' };

/** What the content script tells the background when its tab shows a PDF in the browser's viewer. */
export const PDF_OPENED = 'pdf-opened';
