/**
 * Gets the field frames ready before mount(): one hidden frame of the cardvault
 * origin, loaded with the merchant page, makes the browser start the process
 * for that site (cross-site frames get their own) and fills the HTTP cache of
 * the frames' partition with field.css, field.js and the locale's bundle. A
 * mount() then waits for field.html alone (per key, never cached). The frame
 * carries no key, has no input and sends no message; it stays, so the process
 * does too.
 */
export function warmFrames(win, origin, locale) {
  const doc = win.document;
  function add() {
    const frame = doc.createElement('iframe');
    frame.src = origin + '/fields/warm.html?locale=' + locale;
    frame.title = 'cardvault';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.style.display = 'none';
    doc.body.appendChild(frame);
  }
  if (doc.body) add();
  else doc.addEventListener('DOMContentLoaded', add);
}
