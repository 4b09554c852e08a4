// The cryptography of sources, all from well-kept implementations: Ed25519 from @noble/ed25519
// (its async API hashes with WebCrypto's SHA-512), SHA-256 from WebCrypto. What is signed is a
// canonical text of the manifest (keys sorted, no whitespace) after a fixed prefix, so the same
// manifest always has the same signing text however it was formatted on disk.
import * as ed from '@noble/ed25519';
import type { Manifest, UnsignedManifest } from './types';

const SIGNING_PREFIX = 'mx-lookup manifest v1\n';

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return s;
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('canonicalJson: not representable in JSON');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await subtle().digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Bytes of a base64 text, or undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  try {
    return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The 32-byte Ed25519 public key in a base64 text, or a message saying what is wrong with it. */
export function parsePublicKey(text: string): { ok: true; key: Uint8Array } | { ok: false; message: string } {
  const key = fromBase64(text);
  if (!key) return { ok: false, message: 'the public key is not base64' };
  if (key.length !== 32) return { ok: false, message: `the public key has ${key.length} bytes; an Ed25519 public key has 32` };
  return { ok: true, key };
}

export function signingText(manifest: UnsignedManifest | Manifest): Uint8Array {
  const { signature: _signature, ...unsigned } = manifest as Manifest;
  return new TextEncoder().encode(SIGNING_PREFIX + canonicalJson(unsigned));
}

/** Whether `manifest.signature` is a valid signature of it by `publicKey`. Never throws. */
export async function verifyManifest(manifest: Manifest, publicKey: Uint8Array): Promise<boolean> {
  const signature = fromBase64(manifest.signature);
  if (!signature || signature.length !== 64) return false;
  try {
    return await ed.verifyAsync(signature, signingText(manifest), publicKey);
  } catch {
    return false;
  }
}

export async function signManifest(unsigned: UnsignedManifest, secretKey: Uint8Array): Promise<Manifest> {
  const signature = await ed.signAsync(signingText(unsigned), secretKey);
  return { ...unsigned, signature: toBase64(signature) };
}

/** A new Ed25519 key pair (32-byte secret seed and public key). */
export async function generateKeyPair(): Promise<{ secretKey: Uint8Array; publicKey: Uint8Array }> {
  return ed.keygenAsync();
}

export async function publicKeyOf(secretKey: Uint8Array): Promise<Uint8Array> {
  return ed.getPublicKeyAsync(secretKey);
}
