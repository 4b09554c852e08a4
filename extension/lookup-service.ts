// The background's matcher: built once from the bundled index merged with the installed sources
// (rebuilt when a sync installs a new index), answering the typed requests of
// extension/messages.ts through one handler table.
import * as v from 'valibot';
import { hasIndexHeader } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';
import { buildMatcher, restoreMatcher, type Matcher, type MatcherSnapshot } from '../core/match/matcher';
import { answerSelection, entriesFor } from '../core/match/selection';
import { mergeLayers, type Layer } from '../core/sync/merge';
import { requestSchema, type Answers, type Reply, type Request } from './messages';
import { ignore, recentlyIgnored } from '../core/errors/ignore';

/** Where built matchers are kept between service-worker lives (IndexedDB in the extension). */
export interface SnapshotStore {
  /** The key of the matcher the current bundled index and installed sources make (undefined: do not cache). */
  key(): Promise<string | undefined>;
  load(key: string): Promise<unknown>;
  save(key: string, snapshot: { label: string; matcher: MatcherSnapshot }): Promise<void>;
}

/** A layer loader's answer when an installed source's index could not be read: the layers that could be. */
export class IncompleteLayers extends Error {
  constructor(
    readonly layers: Layer[],
    readonly missing: string[],
    /** Sources whose installed index answers but whose sync state could not be read (the next sync records it again). */
    readonly unrecorded: string[] = [],
  ) {
    super(
      [
        missing.length > 0 ? `the installed guidance of ${missing.join(', ')} could not be read; it will be tried again` : '',
        unrecorded.length > 0 ? `the sync state of ${unrecorded.join(', ')} could not be read; its installed guidance answers and is recorded again at its next sync` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
}

/** How long a service that answers without a source's layer waits before reading the layers again. */
const LAYER_RETRY_MS = 30_000;

export class LookupService {
  private matcher: Matcher | null = null;
  /**
   * Set while a source's installed index could not be read: the service answers without it, never
   * saves that matcher as the cold-start snapshot (it would freeze the source out), and reads the
   * layers again at most every LAYER_RETRY_MS.
   */
  private layerProblem: { message: string; retryAt: number } | null = null;
  private bundled: GuidanceIndex | null = null;
  private layers: Layer[] = [];
  /** The layers in use, e.g. `default@1+hospital@12`. */
  private label = '';
  private loading: Promise<Matcher> | null = null;

  /**
   * `loadBundled` reads the index shipped inside the extension. It was checked against the schema
   * when it was built (`mx-lookup build`), so a service worker that wakes up only checks its
   * header before building the matcher: the schema pass would double a cold start.
   * `loadLayers` reads the installed sources' indexes (checked by the storage that returns them).
   * With `snapshots`, a cold start restores the last built matcher instead of loading and
   * building (about 3 times faster); every build is saved for the next one.
   */
  constructor(
    private readonly loadBundled: () => Promise<unknown>,
    private readonly loadLayers: () => Promise<Layer[]> = async () => [],
    private readonly snapshots?: SnapshotStore,
  ) {}

  /** Replaces the sources above the bundled index (after a sync); the next request uses the new merge. */
  async setLayers(layers: Layer[], problem?: IncompleteLayers): Promise<void> {
    await this.ready();
    if (!this.bundled) this.bundled = await this.bundledIndex();
    this.layers = layers;
    this.use();
    this.layerProblem = problem ? { message: problem.message, retryAt: Date.now() + LAYER_RETRY_MS } : null;
    if (!problem) await this.saveSnapshot();
  }

  /** The layers from the loader, with what could not be read. */
  private async readLayers(): Promise<{ layers: Layer[]; problem?: IncompleteLayers }> {
    try {
      return { layers: await this.loadLayers() };
    } catch (error) {
      if (error instanceof IncompleteLayers) return { layers: error.layers, problem: error };
      return { layers: [], problem: new IncompleteLayers([], [error instanceof Error ? error.message : String(error)]) };
    }
  }

  /** Reads the layers again after a failure; once they are complete, the matcher and its snapshot are brought up to date. */
  private async retryLayers(): Promise<void> {
    if (!this.layerProblem || Date.now() < this.layerProblem.retryAt) return;
    this.layerProblem.retryAt = Date.now() + LAYER_RETRY_MS;
    const { layers, problem } = await this.readLayers();
    await this.setLayers(layers, problem);
  }

  private async bundledIndex(): Promise<GuidanceIndex> {
    const raw = await this.loadBundled();
    if (!hasIndexHeader(raw)) throw new Error('index rejected: the bundled index is damaged; reinstall the extension');
    return raw;
  }

  private use(): void {
    const bundled = this.bundled as GuidanceIndex;
    const layers = [{ index: bundled, priority: 0 }, ...this.layers];
    this.matcher = buildMatcher(mergeLayers(layers).index);
    this.label = [...layers].sort((a, b) => a.priority - b.priority).map((l) => `${l.index.source}@${l.index.version}`).join('+');
    this.loading = Promise.resolve(this.matcher);
  }

  private async saveSnapshot(): Promise<void> {
    if (!this.snapshots || !this.matcher) return;
    const key = await this.snapshots.key().catch(ignore('without a snapshot key the next cold start builds the matcher again'));
    if (key) await this.snapshots.save(key, { label: this.label, matcher: this.matcher.snapshot() }).catch(ignore('the snapshot only speeds up the next cold start'));
  }

  private async restore(): Promise<Matcher | undefined> {
    if (!this.snapshots) return undefined;
    const key = await this.snapshots.key().catch(ignore('without a snapshot key the matcher is built from the index'));
    if (!key) return undefined;
    const saved = (await this.snapshots.load(key).catch(ignore('an unreadable snapshot is rebuilt from the index'))) as { label?: unknown; matcher?: unknown } | undefined;
    const matcher = restoreMatcher(saved?.matcher);
    if (!matcher || typeof saved?.label !== 'string') return undefined;
    this.label = saved.label;
    return matcher;
  }

  async ready(): Promise<Matcher> {
    if (this.matcher) {
      // Answer now; a source that could not be read is tried again in the background.
      if (this.layerProblem) void this.retryLayers().catch((error: unknown) => console.warn('MediXchange Lookup: reading the sources again failed', error));
      return this.matcher;
    }
    this.loading ??= (async () => {
      const restored = await this.restore();
      if (restored) return (this.matcher = restored);
      const [bundled, { layers, problem }] = await Promise.all([this.bundledIndex(), this.readLayers()]);
      this.bundled = bundled;
      this.layers = layers;
      this.use();
      if (problem) this.layerProblem = { message: problem.message, retryAt: Date.now() + LAYER_RETRY_MS };
      else void this.saveSnapshot();
      return this.matcher as Matcher;
    })();
    // A failed load is tried again by the next request.
    this.loading.catch(() => {
      if (!this.matcher) this.loading = null;
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
      lookup: (r) => answerSelection(matcher, r.text, { context: r.context, offset: r.offset, lang: r.lang }),
      suggest: (r) => {
        const hits = matcher.suggest(r.text, { limit: r.limit ?? 8, lang: r.lang });
        return { hits, entries: entriesFor(matcher, hits, false) };
      },
      entry: (r) => matcher.entry(r.id) ?? null,
      status: () => {
        const index = matcher.index;
        return {
          source: this.label,
          version: index.version,
          built: index.built,
          entries: index.entries.length,
          terms: matcher.termCount,
          ...(this.layerProblem ? { problem: this.layerProblem.message } : {}),
          ignored: recentlyIgnored().slice(-5),
        };
      },
    };
    const handler = handlers[request.type] as (r: R) => Answers[R['type']];
    return handler(request);
  }
}
