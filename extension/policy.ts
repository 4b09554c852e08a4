// Enterprise policy: what hospital IT presets through the browser's managed storage
// (public/managed_schema.json describes it to Chrome and Edge). Managed values win over the
// user's and are shown locked. The background reads managed storage and keeps a checked copy in
// `storage.local` under POLICY_KEY, so that the content script and the pages read one place.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { sourceProblems } from '../core/sync/config';
import { CARD_LANGUAGE_SETTINGS } from './settings';

export const POLICY_KEY = 'policy';

const managedSource = v.object({
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(100)),
  manifestUrl: v.pipe(v.string(), v.maxLength(2000)),
  publicKey: v.pipe(v.string(), v.maxLength(100)),
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
});

export const policySchema = v.object({
  sources: v.optional(v.pipe(v.array(managedSource), v.maxLength(20))),
  allowUserSources: v.optional(v.boolean()),
  disabledSites: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(1000))),
  triggers: v.optional(v.object({ doubleClick: v.optional(v.boolean()), selection: v.optional(v.boolean()), modifier: v.optional(v.boolean()) })),
  language: v.optional(v.picklist(CARD_LANGUAGE_SETTINGS)),
});

export type Policy = v.InferOutput<typeof policySchema>;

/**
 * Checks a policy. A policy that does not fit keeps its valid parts and says what was dropped:
 * each managed source is checked on its own (one bad source does not drop the others), and an
 * `allowUserSources` that is not a boolean counts as false (the lock fails closed).
 */
export function parsePolicy(raw: unknown): { policy: Policy; problems: string[] } {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(policySchema.entries)) {
    if (record[key] === undefined) continue;
    if (key === 'sources' && Array.isArray(record.sources)) {
      const sources: unknown[] = [];
      record.sources.slice(0, 20).forEach((item, i) => {
        const checked = v.safeParse(managedSource, item);
        const name = (item as { name?: unknown } | null)?.name;
        const label = `sources[${i}]${typeof name === 'string' ? ` (${name})` : ''}`;
        if (!checked.success) {
          problems.push(`${label}: ${checked.issues[0]?.message ?? 'invalid'}`);
          return;
        }
        const trouble = sourceProblems({ ...checked.output, id: 'managed', priority: checked.output.priority ?? 100, enabled: true });
        if (trouble.length > 0) problems.push(`${label}: ${trouble.join(' ')}`);
        else sources.push(checked.output);
      });
      policy.sources = sources;
      continue;
    }
    const result = v.safeParse(schema, record[key]);
    if (result.success) policy[key] = result.output;
    else {
      problems.push(`${key}: ${result.issues[0]?.message ?? 'invalid'}`);
      if (key === 'allowUserSources') policy.allowUserSources = false;
    }
  }
  return { policy: policy as Policy, problems };
}

/**
 * The policy in managed storage ({} where the browser has none, as Firefox without a policy file);
 * undefined when it could not be read, so that the last copy stays in force.
 */
export async function readManagedPolicy(): Promise<{ policy: Policy; problems: string[] } | undefined> {
  const managed = (browser.storage as { managed?: { get(keys: null): Promise<Record<string, unknown>> } }).managed;
  if (!managed) return { policy: {}, problems: [] };
  try {
    return parsePolicy(await managed.get(null));
  } catch (error) {
    // Firefox without a managed manifest says so with this error: there is simply no policy.
    if (/managed storage manifest not found/i.test(error instanceof Error ? error.message : String(error))) return { policy: {}, problems: [] };
    return undefined;
  }
}

/** The checked copy of the policy that the background keeps in storage.local. */
export async function readPolicyCopy(): Promise<Policy> {
  const raw = (await browser.storage.local.get(POLICY_KEY)) as Record<string, unknown>;
  return parsePolicy(raw[POLICY_KEY]).policy;
}
