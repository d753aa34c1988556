/** The shape of a token id as the API issues it; everything else is refused before use. */
const TOKEN_ID = /^[0-9a-fA-F-]{8,64}$/;

export function isTokenId(id) {
  return typeof id === 'string' && TOKEN_ID.test(id);
}
