/**
 * Web fonts: a <link rel=stylesheet> per font CSS URL the merchant passed.
 * Only https URLs (http only on localhost / 127.0.0.1, for development) are
 * linked; the field page's CSP (style-src, font-src) then lets through only
 * the stylesheets the tenant registered with cardvault, so an unregistered
 * URL fails to load and is reported with a console warning. Linked once per
 * URL; the height is reported again when the fonts are ready.
 */
const FONT_CSS_URL = /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)[:/])[^\s"'<>\\]{1,490}$/;

/** @returns true when href may be linked as a font stylesheet. */
export function isFontCssUrl(href) {
  return typeof href === 'string' && FONT_CSS_URL.test(href);
}

/**
 * @param doc the frame document
 * @param hrefs the configure payload's fonts (untrusted)
 * @param onReady called once the document's fonts are loaded
 */
export function linkFonts(doc, hrefs, onReady) {
  if (!Array.isArray(hrefs)) return;
  hrefs.slice(0, 10).forEach(function (href) {
    if (!isFontCssUrl(href) || doc.querySelector('link[data-cv-font="' + href + '"]')) return;
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute('data-cv-font', href);
    link.onerror = function () {
      if (typeof console !== 'undefined') console.warn('cardvault: font stylesheet not loaded (registered for this tenant?): ' + href);
    };
    link.onload = function () {
      if (doc.fonts && doc.fonts.ready) doc.fonts.ready.then(onReady);
    };
    doc.head.appendChild(link);
  });
}
