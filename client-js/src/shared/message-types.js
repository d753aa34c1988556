/**
 * Every postMessage type cardvault uses, in one place. The envelope is
 * {source: 'cardvault', channel, type, payload}; see message-envelope.js.
 * Three directions: merchant page -> field iframe (TO_FIELD), field iframe ->
 * merchant page (TO_MERCHANT) and field iframe -> sibling field iframe on the
 * cardvault origin (SIBLING). Only SIBLING messages may carry card values.
 */
export const MessageType = Object.freeze({
  // merchant page -> iframe
  CONFIGURE: 'cardvault:field:configure',
  CLEAR: 'cardvault:field:clear',
  SET_FOCUS: 'cardvault:field:set-focus',
  SET_BLUR: 'cardvault:field:set-blur',
  TOKENIZE_REQUEST: 'cardvault:tokenize:request',
  CVC_REQUEST: 'cardvault:cvc:request',
  // iframe -> merchant page
  READY: 'cardvault:field:ready',
  LOAD_ERROR: 'cardvault:field:load-error',
  CHANGE: 'cardvault:field:change',
  FOCUS: 'cardvault:field:focus',
  BLUR: 'cardvault:field:blur',
  BRAND: 'cardvault:field:brand',
  ENTER: 'cardvault:field:enter',
  RESIZE: 'cardvault:field:resize',
  TOKENIZE_RESULT: 'cardvault:tokenize:result',
  CVC_RESULT: 'cardvault:cvc:result',
  // iframe -> sibling iframe (same cardvault origin only)
  SIBLING_COLLECT: 'cardvault:sibling:collect',
  SIBLING_VALUE: 'cardvault:sibling:value',
  SIBLING_BRAND: 'cardvault:sibling:brand',
  SIBLING_BRAND_REQUEST: 'cardvault:sibling:brand-request',
  SIBLING_ERRORS: 'cardvault:sibling:errors',
});

export const TO_FIELD_TYPES = [
  MessageType.CONFIGURE,
  MessageType.CLEAR,
  MessageType.SET_FOCUS,
  MessageType.SET_BLUR,
  MessageType.TOKENIZE_REQUEST,
  MessageType.CVC_REQUEST,
];

export const TO_MERCHANT_TYPES = [
  MessageType.READY,
  MessageType.LOAD_ERROR,
  MessageType.CHANGE,
  MessageType.FOCUS,
  MessageType.BLUR,
  MessageType.BRAND,
  MessageType.ENTER,
  MessageType.RESIZE,
  MessageType.TOKENIZE_RESULT,
  MessageType.CVC_RESULT,
];

export const SIBLING_TYPES = [
  MessageType.SIBLING_COLLECT,
  MessageType.SIBLING_VALUE,
  MessageType.SIBLING_BRAND,
  MessageType.SIBLING_BRAND_REQUEST,
  MessageType.SIBLING_ERRORS,
];
