/**
 * The brand icon inside the number field: a small inline SVG built with DOM
 * calls (no markup parsing, no fetch, nothing for the CSP to allow), a
 * coloured badge with the brand's short name, or a plain card outline while
 * the brand is unknown. Decorative: the brand is announced through the
 * `brand` event, so the icon is aria-hidden.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** brand -> [badge colour, short text] */
export const BRAND_BADGES = {
  visa: ['#1a1f71', 'VISA'],
  mastercard: ['#eb001b', 'MC'],
  amex: ['#006fcf', 'AMEX'],
  discover: ['#ff6000', 'DISC'],
  diners: ['#0079be', 'DC'],
  jcb: ['#0b8a3e', 'JCB'],
  unionpay: ['#d10429', 'UP'],
  maestro: ['#0099df', 'MAES'],
  elo: ['#000000', 'ELO'],
  mir: ['#0f754e', 'MIR'],
  hiper: ['#f37021', 'HIPR'],
  hipercard: ['#822124', 'HIPC'],
  troy: ['#00a3ad', 'TROY'],
  verve: ['#00425f', 'VRVE'],
  naranja: ['#fe5000', 'NAR'],
};

function node(doc, name, attributes) {
  const el = doc.createElementNS(SVG, name);
  Object.keys(attributes).forEach(function (k) {
    el.setAttribute(k, String(attributes[k]));
  });
  return el;
}

/** A 28x18 SVG for the brand; the caller replaces the previous one. */
export function brandIconSvg(doc, brand) {
  const svg = node(doc, 'svg', { width: 28, height: 18, viewBox: '0 0 28 18', 'aria-hidden': 'true', focusable: 'false' });
  const badge = BRAND_BADGES[brand];
  if (!badge) {
    svg.appendChild(node(doc, 'rect', { x: 0.5, y: 0.5, width: 27, height: 17, rx: 3, fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.6 }));
    svg.appendChild(node(doc, 'rect', { x: 0.5, y: 4, width: 27, height: 3, fill: 'currentColor', 'fill-opacity': 0.6 }));
    return svg;
  }
  svg.appendChild(node(doc, 'rect', { x: 0, y: 0, width: 28, height: 18, rx: 3, fill: badge[0] }));
  const text = node(doc, 'text', {
    x: 14,
    y: 12.5,
    'text-anchor': 'middle',
    'font-family': 'Arial, Helvetica, sans-serif',
    'font-size': badge[1].length > 3 ? 7 : 8,
    'font-weight': 'bold',
    fill: '#ffffff',
  });
  text.textContent = badge[1];
  svg.appendChild(text);
  return svg;
}
