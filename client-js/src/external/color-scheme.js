/**
 * The colour scheme the merchant page uses around a container, so the frame
 * can use the same one: Chromium paints an opaque backdrop behind an iframe
 * whose scheme differs from its embedding element's. 'light' / 'dark' force
 * it; 'auto' reads the container's `color-scheme`, else the page's
 * <meta name="color-scheme">, and picks dark when only dark is offered, or
 * when both are and the shopper prefers dark.
 */
export const COLOR_SCHEMES = ['auto', 'light', 'dark'];

export function resolveColorScheme(option, container, win) {
  if (option === 'light' || option === 'dark') return option;
  let declared = '';
  try {
    declared = String(win.getComputedStyle(container).colorScheme || '');
  } catch (e) {
    declared = '';
  }
  if (!declared || declared === 'normal') {
    const meta = win.document.querySelector && win.document.querySelector('meta[name="color-scheme"]');
    declared = meta ? String(meta.getAttribute('content') || '') : '';
  }
  const schemes = declared.toLowerCase().split(/\s+/);
  if (schemes.indexOf('dark') === -1) return 'light';
  if (schemes.indexOf('light') === -1) return 'dark';
  const prefersDark = win.matchMedia && win.matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}
