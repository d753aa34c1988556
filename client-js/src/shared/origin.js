/** 'https://Shop.example:8443/path?q' -> 'https://shop.example:8443'; null for anything that is not http(s). */
export function originOf(url) {
  const match = /^(https?:\/\/[^/?#]+)/i.exec(String(url || ''));
  return match ? match[1].toLowerCase() : null;
}
