/** Publishable keys only: a secret key (sk_...) must never sit in a web page. */
export function isPublishableKey(key) {
  return typeof key === 'string' && /^pk_[A-Za-z0-9_-]{1,200}$/.test(key);
}
