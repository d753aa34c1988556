/**
 * Random hex identifiers from crypto.getRandomValues: channel ids (128 bits)
 * bind a merchant page to its own iframes; request ids correlate replies.
 * There is deliberately no Math.random fallback.
 */
export function randomHex(bytes, cryptoImpl) {
  const c = cryptoImpl || globalThis.crypto;
  if (!c || typeof c.getRandomValues !== 'function') {
    throw new Error('cardvault: crypto.getRandomValues is required');
  }
  const buffer = new Uint8Array(bytes);
  c.getRandomValues(buffer);
  let hex = '';
  for (let i = 0; i < buffer.length; i++) {
    hex += (buffer[i] < 16 ? '0' : '') + buffer[i].toString(16);
  }
  return hex;
}

export const CHANNEL_BYTES = 16;

export function newChannelId(cryptoImpl) {
  return randomHex(CHANNEL_BYTES, cryptoImpl);
}

export function isChannelId(value) {
  return typeof value === 'string' && /^[0-9a-f]{32,128}$/.test(value);
}

export function newRequestId(cryptoImpl) {
  return randomHex(12, cryptoImpl);
}
