// The background's matcher: built once from the bundled index (rebuilt when the index changes),
// answering the typed requests of extension/messages.ts through one handler table.
import * as v from 'valibot';
import { parseIndex } from '../core/index/schema';
import { INDEX_FORMAT, INDEX_FORMAT_VERSION, type Entry, type GuidanceIndex } from '../core/index/types';
import { buildMatcher, type Matcher } from '../core/match/matcher';
import type { Hit } from '../core/match/types';
import { requestSchema, type Answers, type Reply, type Request } from './messages';

/** A selection this short, with this few words, is a term; anything longer is a sentence to scan. */
const TERM_MAX_CHARS = 60;
const TERM_MAX_WORDS = 5;

export function isTermSelection(text: string): boolean {
  const trimmed = text.trim();
  const cjk = (trimmed.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return (
    trimmed.length <= TERM_MAX_CHARS &&
    trimmed.split(/\s+/).length <= TERM_MAX_WORDS &&
    cjk <= 10 &&
    !/[.;!?]\s|[，。；！？]/.test(trimmed)
  );
}

function isIndexHeader(raw: unknown): raw is GuidanceIndex {
  const r = raw as Partial<GuidanceIndex> | null;
  return (
    typeof r === 'object' && r !== null && r.format === INDEX_FORMAT && r.formatVersion === INDEX_FORMAT_VERSION &&
    Array.isArray(r.entries) && typeof r.lexicon === 'object' && r.lexicon !== null && Array.isArray(r.lexicon.nearWords)
  );
}

export class LookupService {
  private matcher: Matcher | null = null;
  private index: GuidanceIndex | null = null;
  private loading: Promise<Matcher> | null = null;

  /**
   * `loadBundled` reads the index shipped inside the extension. It was checked against the schema
   * when it was built (`mx-lookup build`), so a service worker that wakes up only checks its
   * header before building the matcher: the schema pass would double a cold start.
   */
  constructor(private readonly loadBundled: () => Promise<unknown>) {}

  /** Swaps in an index from outside (sync, storage): fully checked first; the next request uses it. */
  setIndex(raw: unknown): void {
    const parsed = parseIndex(raw);
    if (!parsed.ok) throw new Error(`index rejected: ${parsed.problems[0] ?? 'invalid'}`);
    this.use(parsed.index);
  }

  private use(index: GuidanceIndex): void {
    this.index = index;
    this.matcher = buildMatcher(index);
    this.loading = Promise.resolve(this.matcher);
  }

  async ready(): Promise<Matcher> {
    if (this.matcher) return this.matcher;
    this.loading ??= this.loadBundled().then((raw) => {
      if (!isIndexHeader(raw)) throw new Error('index rejected: the bundled index is damaged; reinstall the extension');
      this.use(raw);
      return this.matcher as Matcher;
    });
    return this.loading;
  }

  /** Validates and answers one message; a malformed one gets an error reply, never an exception. */
  async handle(message: unknown): Promise<Reply<unknown>> {
    const parsed = v.safeParse(requestSchema, message);
    if (!parsed.success) return { ok: false, error: `bad request: ${parsed.issues[0]?.message ?? 'unknown shape'}` };
    try {
      return { ok: true, value: await this.answer(parsed.output) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async answer<R extends Request>(request: R): Promise<Answers[R['type']]> {
    const matcher = await this.ready();
    const handlers: { [K in Request['type']]: (r: Extract<Request, { type: K }>) => Answers[K] } = {
      lookup: (r) => {
        // A term when the selection as a whole names an entry; otherwise every term in it.
        if (isTermSelection(r.text)) {
          const hits = matcher.lookup(r.text, { context: r.context, lang: r.lang, limit: 4 });
          const best = hits[0];
          if (best && best.kind !== 'phrase') return { mode: 'term', hits, entries: this.entriesFor(matcher, hits) };
        }
        const hits = matcher.scan(r.text, { lang: r.lang });
        if (hits.length === 1) {
          const term = matcher.lookup(r.text, { context: r.context, lang: r.lang, limit: 4 });
          return { mode: 'term', hits: term.length ? term : hits, entries: this.entriesFor(matcher, term.length ? term : hits) };
        }
        return { mode: 'sentence', hits, entries: this.entriesFor(matcher, hits) };
      },
      suggest: (r) => {
        const hits = matcher.suggest(r.text, { limit: r.limit ?? 8, lang: r.lang });
        return { hits, entries: this.entriesFor(matcher, hits, false) };
      },
      entry: (r) => matcher.entry(r.id) ?? null,
      status: () => {
        const index = this.index as GuidanceIndex;
        return { source: index.source, version: index.version, built: index.built, entries: index.entries.length, terms: matcher.termCount };
      },
    };
    const handler = handlers[request.type] as (r: R) => Answers[R['type']];
    return handler(request);
  }

  /** The hits' entries, and (for cards) their related entries so related links show titles. */
  private entriesFor(matcher: Matcher, hits: Hit[], withRelated = true): Record<string, Entry> {
    const out: Record<string, Entry> = {};
    for (const hit of hits) {
      const entry = matcher.entry(hit.id);
      if (!entry) continue;
      out[entry.id] = entry;
      if (withRelated) for (const id of entry.related) {
        const related = matcher.entry(id);
        if (related) out[id] = related;
      }
    }
    return out;
  }
}
