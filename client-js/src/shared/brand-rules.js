/**
 * Brand detection from card-brands.json: a range matches when the number's
 * first digits, as many as the range bounds have, lie within [from, to];
 * the longest matching range wins. A brand's `early` ranges count too, but
 * only while fewer digits are typed than its widest range has (Mastercard
 * is certain from '22', its 2221-2720 range from 4 digits). Also answers
 * lengths, gaps and CVC length.
 */
export function createBrandRules(data) {
  const brands = data.brands;
  const unknown = data.unknown;

  function byName(name) {
    for (let i = 0; i < brands.length; i++) {
      if (brands[i].brand === name) return brands[i];
    }
    return unknown;
  }

  function widest(ranges) {
    let n = 0;
    for (let i = 0; i < ranges.length; i++) n = Math.max(n, ranges[i].from.length);
    return n;
  }

  /** The ranges that apply to input of this length: the regular ones, and the early ones while it is short. */
  function rangesFor(brand, length) {
    const early = brand.early || [];
    return early.length && length < widest(brand.ranges) ? brand.ranges.concat(early) : brand.ranges;
  }

  /** The rule of the brand the digits belong to, or the `unknown` rule. */
  function detect(digits) {
    let best = unknown;
    let bestLength = 0;
    for (let b = 0; b < brands.length; b++) {
      const ranges = rangesFor(brands[b], digits.length);
      for (let r = 0; r < ranges.length; r++) {
        const n = ranges[r].from.length;
        if (n <= bestLength || digits.length < n) continue;
        const prefix = Number(digits.slice(0, n));
        if (prefix >= Number(ranges[r].from) && prefix <= Number(ranges[r].to)) {
          best = brands[b];
          bestLength = n;
        }
      }
    }
    return best;
  }

  function maxLength(rule) {
    let max = 0;
    for (let i = 0; i < rule.lengths.length; i++) max = Math.max(max, rule.lengths[i]);
    return max;
  }

  function isValidLength(digits, rule) {
    return rule.lengths.indexOf(digits.length) !== -1;
  }

  return {
    unknown: unknown,
    detect: detect,
    byName: byName,
    maxLength: maxLength,
    isValidLength: isValidLength,
  };
}
