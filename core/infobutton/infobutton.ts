// HL7 Context-Aware Knowledge Retrieval (Infobutton), URL-based implementation: the query
// parameters an EHR puts on a link → what to look up, and which entry answers it. Pure: it takes
// the query string and the index, and never sends anything anywhere.
import { CODE_SYSTEM_OIDS } from '../index/codes';
import type { CodeSystem, Entry } from '../index/types';

export interface SearchCriterion {
  code?: string;
  /** The code system, when its OID is one we know. */
  system?: CodeSystem;
  /** The OID as sent (also when unknown). */
  systemOid?: string;
  displayName?: string;
  originalText?: string;
}

export interface InfobuttonRequest {
  criteria: SearchCriterion[];
  /** Language of the reader (`informationRecipient.languageCode.c`), primary subtag, lowercase. */
  lang?: string;
  /** PROV (health professional) or PAT (patient). */
  recipient?: string;
  taskContext?: string;
}

export type InfobuttonParse =
  | { kind: 'none' }
  | { kind: 'request'; request: InfobuttonRequest }
  | { kind: 'error'; message: string };

const MAX_PARAM_CHARS = 500;
const MAX_CRITERIA = 10;
const OID_TO_SYSTEM = new Map<string, CodeSystem>(Object.entries(CODE_SYSTEM_OIDS).map(([system, oid]) => [oid, system as CodeSystem]));

function clean(value: string | null): string | undefined {
  if (value === null) return undefined;
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_PARAM_CHARS);
}

/**
 * Reads Infobutton parameters from a query string (`?mainSearchCriteria.v.c=U07.1&…`). Returns
 * `none` when the URL carries no Infobutton request, and an error with a message a reader can act
 * on when it carries one that cannot be used.
 */
export function parseInfobutton(query: string): InfobuttonParse {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  } catch {
    return { kind: 'error', message: 'The link is not a valid query string.' };
  }
  const keys = [...params.keys()];
  if (!keys.some((k) => k.startsWith('mainSearchCriteria.'))) {
    return keys.some((k) => /^(informationRecipient|taskContext|patientPerson|age)\./.test(k))
      ? { kind: 'error', message: 'This Infobutton link names no concept (mainSearchCriteria is missing).' }
      : { kind: 'none' };
  }
  // Criteria may be numbered in some senders: mainSearchCriteria.v.c, .v.c1, .v.c2, …
  const suffixes = new Set<string>();
  for (const key of keys) {
    const m = /^mainSearchCriteria\.v\.(?:c|cs|dn|ot)(\d*)$/.exec(key);
    if (m) suffixes.add(m[1] ?? '');
  }
  const criteria: SearchCriterion[] = [];
  for (const n of [...suffixes].sort().slice(0, MAX_CRITERIA)) {
    const criterion: SearchCriterion = {};
    const code = clean(params.get(`mainSearchCriteria.v.c${n}`));
    const oid = clean(params.get(`mainSearchCriteria.v.cs${n}`));
    const displayName = clean(params.get(`mainSearchCriteria.v.dn${n}`));
    const originalText = clean(params.get(`mainSearchCriteria.v.ot${n}`));
    if (code) criterion.code = code;
    if (oid) {
      criterion.systemOid = oid;
      const system = OID_TO_SYSTEM.get(oid);
      if (system) criterion.system = system;
    }
    if (displayName) criterion.displayName = displayName;
    if (originalText) criterion.originalText = originalText;
    if (criterion.code || criterion.displayName || criterion.originalText) criteria.push(criterion);
  }
  if (criteria.length === 0) return { kind: 'error', message: 'This Infobutton link has no code, display name or text to look up.' };
  const request: InfobuttonRequest = { criteria };
  const lang = clean(params.get('informationRecipient.languageCode.c'));
  if (lang && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(lang)) request.lang = lang.toLowerCase().split(/[-_]/)[0];
  const recipient = clean(params.get('informationRecipient'));
  if (recipient) request.recipient = recipient;
  const task = clean(params.get('taskContext.c.c'));
  if (task) request.taskContext = task;
  return { kind: 'request', request };
}

/** A code as entries write it: upper case, no spaces; ICD codes with their dot (U071 → U07.1). */
export function normalizeCode(system: CodeSystem | undefined, code: string): string {
  const c = code.toUpperCase().replace(/\s+/g, '');
  if ((system === 'icd10' || system === 'icd10cm') && /^[A-Z]\d[0-9A-Z][0-9A-Z]+$/.test(c)) return `${c.slice(0, 3)}.${c.slice(3)}`;
  return c;
}

export interface InfobuttonAnswer {
  entry: Entry;
  /** How it was found: by a code, or by the display name / original text through the matcher. */
  via: 'code' | 'text';
  criterion: SearchCriterion;
}

/**
 * The entry that answers a request: a code match first (ICD-10 and ICD-10-CM are treated as one
 * family), then the display name or original text through `lookupText`.
 */
export function resolveInfobutton(
  request: InfobuttonRequest,
  entries: readonly Entry[],
  lookupText: (text: string) => string | undefined,
): InfobuttonAnswer | undefined {
  for (const criterion of request.criteria) {
    if (!criterion.code) continue;
    const code = normalizeCode(criterion.system, criterion.code);
    const family = (s: CodeSystem) => (s === 'icd10cm' ? 'icd10' : s);
    for (const entry of entries)
      for (const c of entry.codes)
        if ((!criterion.system || family(c.system) === family(criterion.system)) && normalizeCode(c.system, c.code) === code)
          return { entry, via: 'code', criterion };
  }
  for (const criterion of request.criteria)
    for (const text of [criterion.displayName, criterion.originalText]) {
      if (!text) continue;
      const id = lookupText(text);
      const entry = id ? entries.find((e) => e.id === id) : undefined;
      if (entry) return { entry, via: 'text', criterion };
    }
  return undefined;
}
