// The background's guidance sources: which sources to follow (hospital IT's policy first, then the
// user's own when the policy allows), syncing them with core/sync on a schedule and on demand,
// and handing the installed indexes to the LookupService as layers above the bundled index.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { isDue, syncSource } from '../core/sync/client';
import { sourceProblems, sourceStorageId } from '../core/sync/config';
import type { Layer } from '../core/sync/merge';
import type { SourceConfig, SourceState, SyncOutcome, SyncStorage } from '../core/sync/types';
import { IncompleteLayers, type LookupService } from './lookup-service';
import { adminRequestSchema, type AdminRequest, type Reply, type SourcesAnswer, type SourceView } from './messages';
import { POLICY_KEY, readManagedPolicy, readPolicyCopy, type Policy } from './policy';
import { applyPolicy } from './settings';
import { ignore } from '../core/errors/ignore';

const USER_SOURCES_KEY = 'sources';
/** Set after every sync that ran, so that an open options page shows the new status. */
export const SYNC_STAMP_KEY = 'syncStamp';

const storedSource = v.object({
  id: v.string(),
  name: v.string(),
  manifestUrl: v.string(),
  publicKey: v.string(),
  priority: v.number(),
  enabled: v.boolean(),
});

/** How often a source whose installed index cannot be read is downloaded again at most. */
const REPAIR_INTERVAL_MS = 10 * 60_000;

/** Whether the source with `state` tried a sync in the last `ms`. */
function triedWithin(state: SourceState, ms: number): boolean {
  const last = Date.parse(state.status.lastAttempt ?? '');
  return !Number.isNaN(last) && Date.now() - last < ms && last <= Date.now();
}

export class SourceManager {
  private policy: Policy | null = null;
  private policyLoading: Promise<Policy> | null = null;
  private policyProblems: string[] = [];
  private refreshing: Promise<Policy> | null = null;
  private refreshAgain = false;
  private syncing: Promise<unknown> = Promise.resolve();
  /** Sources whose recorded version could not be read back: synced at once, whether due or not. */
  private readonly repairs = new Set<string>();
  private readonly repairAsked = new Map<string, number>();
  /** What could not be read of the user's stored sources, in words (shown in the options). */
  private unreadableSources: string | undefined;

  constructor(
    private readonly service: LookupService,
    private readonly storage: SyncStorage,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /**
   * The policy in effect: the checked copy in storage.local. Reading managed storage itself can
   * take seconds (Chromium waits for its policy service), so nothing a user waits for reads it:
   * `refreshPolicy` does, in the background.
   */
  private async currentPolicy(): Promise<Policy> {
    this.policy ??= await (this.policyLoading ??= readPolicyCopy());
    return this.policy;
  }

  /**
   * Reads the managed policy again; when it changed, stores the new copy (pages and content
   * scripts watch it), rebuilds the layers and syncs sources the policy added.
   */
  refreshPolicy(): Promise<Policy> {
    if (this.refreshing) {
      // Asked again while reading: read once more afterwards, the policy may have changed meanwhile.
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        const read = await readManagedPolicy();
        if (!read) return await this.currentPolicy(); // unreadable now: the last copy stays in force
        const { policy, problems } = read;
        this.policyProblems = problems;
        const before = await this.currentPolicy();
        if (JSON.stringify(before) !== JSON.stringify(policy)) {
          this.policy = policy;
          await browser.storage.local.set({ [POLICY_KEY]: policy });
          await this.refreshLayers();
          void this.syncAll().catch(ignore('each source records its own failure in its status'));
        }
        return policy;
      } finally {
        this.refreshing = null;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          void this.refreshPolicy().catch(ignore('an unreadable policy keeps the last checked copy'));
        }
      }
    })();
    return this.refreshing;
  }

  /**
   * The user's sources as stored; one that cannot be read is left out and said (`unreadableSources`),
   * never taken for an empty list in silence. The next change of the list writes the readable ones.
   */
  private async userSources(): Promise<SourceConfig[]> {
    const raw = ((await browser.storage.local.get(USER_SOURCES_KEY)) as Record<string, unknown>)[USER_SOURCES_KEY];
    const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const readable = items.flatMap((item) => {
      const parsed = v.safeParse(storedSource, item);
      return parsed.success ? [parsed.output] : [];
    });
    const lost = items.length - readable.length;
    this.unreadableSources =
      lost === 0 ? undefined : `${lost === 1 ? 'One of your sources' : `${lost} of your sources`} could not be read from the browser's storage and ${lost === 1 ? 'is' : 'are'} not followed; add ${lost === 1 ? 'it' : 'them'} again.`;
    return readable;
  }

  /** The sources to follow: the policy's (locked), then the user's when allowed; each id once. */
  async sources(): Promise<SourceConfig[]> {
    // Both storage reads at once: this is on a cold start's path.
    const [policy, own] = await Promise.all([this.currentPolicy(), this.userSources()]);
    const managed: SourceConfig[] = (policy.sources ?? []).map((s) => ({
      id: `managed-${sourceStorageId(s.name, s.manifestUrl, s.publicKey)}`,
      name: s.name,
      manifestUrl: s.manifestUrl,
      publicKey: s.publicKey,
      priority: s.priority ?? 100,
      enabled: true,
      managed: true,
    }));
    const user = policy.allowUserSources === false ? [] : own;
    const seen = new Set<string>();
    return [...managed, ...user].filter((s) => !seen.has(s.id) && seen.add(s.id));
  }

  /** What identifies the layers in use (each source's id, installed version, index hash and priority), read from the small states only. */
  async layerKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (const source of await this.sources()) {
      if (!source.enabled || sourceProblems(source).length > 0) continue;
      const state = await this.storage.readState(source.id).catch(ignore('a source whose state cannot be read gives no snapshot key part: its snapshot is not reused'));
      if (state?.version !== undefined) keys.push(`${source.id}@${state.version}:${state.sha256 ?? ''}:${source.priority}`);
    }
    return keys;
  }

  /**
   * The installed indexes of the enabled sources, as layers for the LookupService. When a source is
   * installed but its index cannot be read, an IncompleteLayers error carries the layers that could
   * be (the service answers with them and tries again; it must not take them for the whole set).
   */
  async layers(): Promise<Layer[]> {
    const layers: Layer[] = [];
    const missing: string[] = [];
    const unrecorded: string[] = [];
    for (const source of await this.sources()) {
      if (!source.enabled || sourceProblems(source).length > 0) continue;
      const state = await this.storage.readState(source.id).catch(ignore('reported below when an index is installed without a readable state'));
      const index = await this.storage.readIndex(source.id).catch(ignore('reported below as a missing layer, tried again'));
      if (!state) {
        // A damaged state: the index stored under this source's id (only its syncs write there)
        // still answers, and the next sync records it again (the client never goes below it).
        if (index) {
          layers.push({ index, priority: source.priority });
          unrecorded.push(source.name || source.id);
          this.askRepair(source.id, undefined);
        }
        continue;
      }
      if (state.version === undefined) continue; // nothing installed yet
      if (index && index.source === state.source) layers.push({ index, priority: source.priority });
      else {
        missing.push(source.name || source.id);
        // Its index is gone or damaged: the client downloads it again (never below the recorded
        // version). At most once every ten minutes, in case storage reads fail whatever is written.
        this.askRepair(source.id, state);
      }
    }
    if (this.repairs.size > 0) void this.syncAll().catch(ignore('each source records its own failure in its status'));
    if (missing.length > 0 || unrecorded.length > 0) throw new IncompleteLayers(layers, missing, unrecorded);
    return layers;
  }

  /**
   * Marks a source for a sync now, whether due or not, unless it tried one in the last ten minutes
   * (by its state, or by this worker's memory when the state cannot be read): storage that fails
   * whatever is written must not turn into a download every 30 seconds.
   */
  private askRepair(id: string, state: SourceState | undefined): void {
    const asked = this.repairAsked.get(id);
    if ((state && triedWithin(state, REPAIR_INTERVAL_MS)) || (asked !== undefined && Date.now() - asked < REPAIR_INTERVAL_MS)) return;
    this.repairAsked.set(id, Date.now());
    this.repairs.add(id);
  }

  /** Gives the service the installed layers, or those that could be read with what could not. */
  private async refreshLayers(): Promise<void> {
    try {
      await this.service.setLayers(await this.layers());
    } catch (error) {
      if (!(error instanceof IncompleteLayers)) throw error;
      await this.service.setLayers(error.layers, error);
    }
  }

  /**
   * Syncs the sources that are due (all enabled ones when `force`), one after another, then
   * rebuilds the matcher if any installed a new index. Concurrent calls queue up.
   */
  syncAll(options: { force?: boolean; only?: string } = {}): Promise<SyncOutcome[]> {
    const run = this.syncing.then(async () => {
      const outcomes: SyncOutcome[] = [];
      for (const source of await this.sources()) {
        if (!source.enabled || (options.only && source.id !== options.only)) continue;
        if (sourceProblems(source).length > 0) continue;
        const state = await this.storage.readState(source.id).catch(ignore('a source whose state cannot be read is due: the sync reads it again'));
        if (!options.force && !isDue(state, Date.now()) && !this.repairs.has(source.id)) continue;
        this.repairs.delete(source.id);
        try {
          outcomes.push(await syncSource(source, { fetch: this.fetchImpl, storage: this.storage, now: Date.now, random: Math.random }));
        } catch (error) {
          // The browser failing (storage, crypto), not the server: the other sources still sync.
          outcomes.push({ result: 'failed', bytes: 0, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      if (outcomes.some((o) => o.result === 'full' || o.result === 'delta')) await this.refreshLayers();
      if (outcomes.length > 0) await browser.storage.local.set({ [SYNC_STAMP_KEY]: Date.now() });
      return outcomes;
    });
    this.syncing = run.catch(ignore('each source records its own failure in its status'));
    return run;
  }

  private async view(problems: string[] = []): Promise<SourcesAnswer> {
    const sources: SourceView[] = [];
    for (const config of await this.sources()) {
      const state = await this.storage.readState(config.id).catch(ignore('the options show the source without its status until it can be read'));
      sources.push({ config, state, entries: state?.entries });
    }
    const policy = await this.currentPolicy();
    const { locked } = applyPolicy({ triggers: { doubleClick: true, selection: true, modifier: false }, disabledSites: [], language: 'auto' }, policy);
    const stored = this.unreadableSources ? [this.unreadableSources] : [];
    return { sources, allowUserSources: policy.allowUserSources !== false, locked, policyProblems: this.policyProblems, problems: [...stored, ...problems] };
  }

  private async add(input: Extract<AdminRequest, { type: 'add-source' }>['source']): Promise<SourcesAnswer> {
    if ((await this.currentPolicy()).allowUserSources === false) return this.view(['Your organisation allows only the sources it has set.']);
    const existing = await this.userSources();
    const source: SourceConfig = {
      id: sourceStorageId(input.name, input.manifestUrl, input.publicKey),
      name: input.name.trim(),
      manifestUrl: input.manifestUrl.trim(),
      publicKey: input.publicKey.trim(),
      priority: input.priority,
      enabled: true,
    };
    const problems = sourceProblems(source);
    const existingOne = (await this.sources()).find((s) => s.manifestUrl === source.manifestUrl || s.name.toLowerCase() === source.name.toLowerCase());
    if (existingOne) problems.push(`"${existingOne.name}" follows this source or has this name already.`);
    if (problems.length > 0) return this.view(problems);
    await browser.storage.local.set({ [USER_SOURCES_KEY]: [...existing, source] });
    await this.syncAll({ force: true, only: source.id });
    return this.view();
  }

  private async remove(id: string): Promise<SourcesAnswer> {
    const existing = await this.userSources();
    if (!existing.some((s) => s.id === id)) return this.view([(await this.sources()).some((s) => s.id === id) ? 'This source is set by your organisation and cannot be removed here.' : 'No such source.']);
    await browser.storage.local.set({ [USER_SOURCES_KEY]: existing.filter((s) => s.id !== id) });
    await this.refreshLayers();
    return this.view();
  }

  /** Answers a configuration request (already known to come from an extension page). */
  async handle(message: unknown): Promise<Reply<SourcesAnswer>> {
    const parsed = v.safeParse(adminRequestSchema, message);
    if (!parsed.success) return { ok: false, error: `bad request: ${parsed.issues[0]?.message ?? 'unknown shape'}` };
    const request = parsed.output;
    // The policy is checked again in the background; the page redraws when its copy changes.
    void this.refreshPolicy().catch(ignore('an unreadable policy keeps the last checked copy'));
    try {
      switch (request.type) {
        case 'sources':
          return { ok: true, value: await this.view() };
        case 'sync':
          await this.syncAll({ force: true, only: request.id });
          return { ok: true, value: await this.view() };
        case 'add-source':
          return { ok: true, value: await this.add(request.source) };
        case 'remove-source':
          return { ok: true, value: await this.remove(request.id) };
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

const ADMIN_TYPES: ReadonlySet<string> = new Set(adminRequestSchema.options.map((option) => option.entries.type.literal));

/** Whether a message is one of the configuration requests (the types of `adminRequestSchema`). */
export function isAdminRequest(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && ADMIN_TYPES.has(type);
}
