/**
 * The iframe's client of the tokens API, relative to its own (cardvault)
 * origin, authenticated with the publishable key from the iframe URL.
 */
import { postJson } from './http-post.js';
import { failureFromResponse } from './problem-mapper.js';

const TOKEN_ID = /^[0-9a-fA-F-]{8,64}$/;

export function isTokenId(id) {
  return typeof id === 'string' && TOKEN_ID.test(id);
}

/**
 * @param options {origin, key, fetchFn?, XhrCtor?, setTimer?}
 */
export function createTokenClient(options) {
  const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': options.key };

  function post(path, body, timeoutMs) {
    return postJson(options.origin + path, headers, body, {
      fetchFn: options.fetchFn,
      XhrCtor: options.XhrCtor,
      setTimer: options.setTimer,
      timeoutMs: timeoutMs,
    });
  }

  /** Resolves the 201 body {id, card, createdAt}; rejects a failure {code, ...}. */
  function createToken(body, timeoutMs) {
    return post('/api/v1/tokens', body, timeoutMs).then(function (response) {
      if (response.status === 201 && response.body && typeof response.body.id === 'string') return response.body;
      throw failureFromResponse(response.status, response.body);
    });
  }

  /** Resolves when the server answered 204. */
  function recollectCvc(tokenId, cvc, timeoutMs) {
    if (!isTokenId(tokenId)) return Promise.reject({ code: 'server-error', status: 404, fields: [] });
    const path = '/api/v1/tokens/' + encodeURIComponent(tokenId) + '/cvc';
    return post(path, { cvc: cvc }, timeoutMs).then(function (response) {
      if (response.status === 204) return true;
      throw failureFromResponse(response.status, response.body);
    });
  }

  return { createToken: createToken, recollectCvc: recollectCvc };
}
