/**
 * Password hashes for cashiers and portal users: PBKDF2-SHA256 through
 * WebCrypto, stored as one text `pbkdf2-sha256$<iterations>$<salt>$<hash>`
 * with standard base64 salt and hash.
 */

const SCHEME = "pbkdf2-sha256";

/**
 * workerd rejects PBKDF2 with more than 100000 iterations ("Pbkdf2 failed:
 * iteration counts above 100000 are not supported"), so this is the
 * maximum a Worker can use.
 */
export const PBKDF2_ITERATIONS = 100_000;

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Hashes `password` with a new random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(password, salt, PBKDF2_ITERATIONS, KEY_BYTES);
  return [SCHEME, PBKDF2_ITERATIONS, toBase64(salt), toBase64(key)].join("$");
}

/**
 * Checks `password` against a stored hash. Text that is not a valid hash
 * gives false instead of an error.
 */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;

  let key: Uint8Array;
  try {
    key = await deriveKey(
      password,
      parsed.salt,
      parsed.iterations,
      parsed.hash.length,
    );
  } catch {
    return false;
  }

  // Both sides have the stored hash's length, so the comparison looks at
  // every byte and its time does not depend on where they differ.
  return (crypto.subtle as WorkersSubtleCrypto).timingSafeEqual(
    key,
    parsed.hash,
  );
}

/**
 * workerd's SubtleCrypto, which adds timingSafeEqual. The cast keeps this
 * module type-checking where Node's DOM types are in scope instead.
 */
type WorkersSubtleCrypto = typeof crypto.subtle & {
  timingSafeEqual(
    a: ArrayBuffer | ArrayBufferView,
    b: ArrayBuffer | ArrayBufferView,
  ): boolean;
};

interface StoredHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== SCHEME) return null;

  const [, iterationsText = "", saltText = "", hashText = ""] = parts;
  if (!/^[1-9]\d{0,5}$/.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > PBKDF2_ITERATIONS) return null;

  const salt = fromBase64(saltText);
  const hash = fromBase64(hashText);
  if (!salt || salt.length === 0) return null;
  if (!hash || hash.length < 16 || hash.length > 64) return null;
  return { iterations, salt, hash };
}

async function deriveKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
