/**
 * The cardvault origin as seen from the merchant page: by default the origin
 * of the <script src> that loaded cardvault.js, captured while the script
 * runs (document.currentScript is null afterwards).
 */
import { originOf } from '../shared/origin.js';

export function currentScriptOrigin(doc) {
  const script = doc && doc.currentScript;
  return script && script.src ? originOf(script.src) : null;
}
