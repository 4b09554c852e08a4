// FNV-1a, 32 bits: a short, stable, non-cryptographic hash of a string's UTF-16 code units.

/** FNV-1a of `text` (unsigned), continuing from `hash`: `fnv1a(b, fnv1a(a))` is the hash of a + b without joining them. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  return fnv1aBits(text, hash | 0) >>> 0;
}

/**
 * The same hash's 32 bits as a signed integer, for hot paths: V8 keeps an int32 unboxed, where an
 * unsigned value above 2^31 returned from a call is a heap number allocated every time.
 */
export function fnv1aBits(text: string, hash = 0x811c9dc5 | 0): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
