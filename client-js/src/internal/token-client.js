/**
 * The iframe's client of the tokens API, relative to its own (cardvault)
 * origin, authenticated with the publishable key from the iframe URL.
 */
import { isTokenId } from '../shared/token-id.js';
import { postJson } from './http-post.js';
import { failureFromResponse } from './problem-mapper.js';

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

  /** body is the CVC field's API fragment {cvc}. Resolves when the server answered 204. */
  function recollectCvc(tokenId, body, timeoutMs) {
    if (!isTokenId(tokenId)) return Promise.reject({ code: 'server-error', status: 404, fields: [] });
    const path = '/api/v1/tokens/' + encodeURIComponent(tokenId) + '/cvc';
    return post(path, body, timeoutMs).then(function (response) {
      if (response.status === 204) return true;
      throw failureFromResponse(response.status, response.body);
    });
  }

  return { createToken: createToken, recollectCvc: recollectCvc };
}
