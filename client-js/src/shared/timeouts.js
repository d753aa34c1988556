/** How long tokenize() / recollectCvc() wait by default, on both sides of the iframe boundary. */
export const DEFAULT_TIMEOUT_MS = 15000;

/** A positive number of milliseconds, or the default. */
export function timeoutOrDefault(value) {
  return Number(value) > 0 ? Number(value) : DEFAULT_TIMEOUT_MS;
}
