/**
 * The cardvault origin as seen from the merchant page: by default the origin
 * of the <script src> that loaded cardvault.js, captured while the script
 * runs (document.currentScript is null afterwards).
 */
export function originOf(url) {
  const match = /^(https?:\/\/[^/?#]+)/i.exec(String(url || ''));
  return match ? match[1].toLowerCase() : null;
}

export function currentScriptOrigin(doc) {
  const script = doc && doc.currentScript;
  return script && script.src ? originOf(script.src) : null;
}
