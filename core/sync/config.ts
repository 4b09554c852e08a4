// Checking a source as a user or hospital IT enters it: https only (http only on this machine, for
// testing), a usable public key, a priority. Problems read as sentences for the options page.
import { fnv1a } from '../text/hash';
import { ID_PATTERN } from '../index/schema';
import type { SourceConfig } from './types';
import { parsePublicKey } from './verify';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `url` cannot be a manifest address, or undefined when it can. */
export function manifestUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The manifest address is not a URL.';
  }
  if (parsed.username || parsed.password) return 'The manifest address must not contain a user name or password.';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname)) return undefined;
  return 'The manifest address must start with https:// (http:// is allowed only for localhost, for testing).';
}

/** A slug made of a name, for a source's local id. */
export function sourceIdFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'source';
}

/** FNV-1a (32 bits) of `text` in base 36: a short, stable storage-key suffix (not a security check). */
function shortHash(text: string): string {
  return fnv1a(text).toString(36);
}

/**
 * The local id of a source: a slug of its name plus a hash of its manifest URL and key, so the
 * same source with the same key always finds its stored index, two sources never share one, and
 * a source re-added with another URL or key starts afresh.
 */
export function sourceStorageId(name: string, manifestUrl: string, publicKey: string): string {
  return `${sourceIdFrom(name).slice(0, 40).replace(/-+$/, '')}-${shortHash(`${manifestUrl.trim()} ${publicKey.trim()}`)}`;
}

/** Every problem of a source configuration (empty when it is usable). */
export function sourceProblems(source: Partial<SourceConfig>): string[] {
  const problems: string[] = [];
  if (!source.name?.trim()) problems.push('The source needs a name.');
  if (!source.id || !ID_PATTERN.test(source.id)) problems.push('The source id must be a lowercase slug.');
  const urlProblem = manifestUrlProblem(source.manifestUrl ?? '');
  if (urlProblem) problems.push(urlProblem);
  const key = parsePublicKey(source.publicKey ?? '');
  if (!key.ok) problems.push(`The public key is not usable: ${key.message}.`);
  if (typeof source.priority !== 'number' || !Number.isInteger(source.priority) || source.priority < 1 || source.priority > 1000)
    problems.push('The priority must be a whole number from 1 to 1000 (the bundled guidance is 0).');
  return problems;
}
