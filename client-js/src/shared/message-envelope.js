/**
 * Builds and checks the JSON envelope {source: 'cardvault', channel, type, payload}.
 * readMessage is the single gate every `message` listener goes through: it
 * answers null for anything from an unexpected origin, another channel, an
 * unexpected source window, an unknown type or a malformed body.
 */
export const ENVELOPE_SOURCE = 'cardvault';

export function createEnvelope(channel, type, payload) {
  return { source: ENVELOPE_SOURCE, channel: channel, type: type, payload: payload || {} };
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * @param event a MessageEvent (or {origin, source, data})
 * @param expected {origin: string, channel: string, types: string[], source?: window | (w) => boolean}
 * @returns the envelope, or null when the message must be ignored
 */
export function readMessage(event, expected) {
  if (!event || !expected || typeof expected.origin !== 'string' || !expected.origin) return null;
  if (event.origin !== expected.origin) return null;
  if (expected.source !== undefined) {
    const sourceOk =
      typeof expected.source === 'function'
        ? expected.source(event.source)
        : event.source === expected.source;
    if (!sourceOk) return null;
  }
  const data = event.data;
  if (!isPlainObject(data)) return null;
  if (data.source !== ENVELOPE_SOURCE) return null;
  if (typeof data.channel !== 'string' || data.channel !== expected.channel) return null;
  if (typeof data.type !== 'string' || expected.types.indexOf(data.type) === -1) return null;
  if (data.payload !== undefined && !isPlainObject(data.payload)) return null;
  return { type: data.type, payload: data.payload || {} };
}
