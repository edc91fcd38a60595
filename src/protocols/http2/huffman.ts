/*
 * The Huffman code of HPACK (RFC 7541 Appendix B). The code is canonical: sorting the
 * symbols by code length, then by value, and counting up gives exactly the codes the RFC
 * lists, so the table below holds only each symbol's code length (symbols 0–255, then
 * EOS) and the codes are rebuilt from it.
 */

/** Code length in bits of each symbol 0–255 and of EOS (256), as RFC 7541 Appendix B lists them. */
export const HUFFMAN_CODE_LENGTHS: readonly number[] = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11,
  10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7,
  8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23,
  22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23,
  23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26,
  27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27,
  27, 27, 26, 30,
];

const EOS = 256;
const MAX_LENGTH = 30;

/** The canonical code: symbols in code order, and per length the first code and where its symbols start. */
function buildCanonical() {
  const symbols = [...HUFFMAN_CODE_LENGTHS.keys()].sort((a, b) => HUFFMAN_CODE_LENGTHS[a]! - HUFFMAN_CODE_LENGTHS[b]! || a - b);
  const firstCode = new Array<number>(MAX_LENGTH + 1).fill(0);
  const count = new Array<number>(MAX_LENGTH + 1).fill(0);
  const start = new Array<number>(MAX_LENGTH + 1).fill(0);
  const codes = new Array<number>(HUFFMAN_CODE_LENGTHS.length).fill(0);
  let code = 0;
  let length = HUFFMAN_CODE_LENGTHS[symbols[0]!]!;
  symbols.forEach((symbol, i) => {
    const l = HUFFMAN_CODE_LENGTHS[symbol]!;
    if (i > 0) code = (code + 1) * 2 ** (l - length);
    length = l;
    if (count[l] === 0) {
      firstCode[l] = code;
      start[l] = i;
    }
    count[l]!++;
    codes[symbol] = code;
  });
  return { symbols, firstCode, count, start, codes };
}

const CANONICAL = buildCanonical();

/** Each symbol's code, as RFC 7541 Appendix B prints it in hex (for tests and the report's anatomy). */
export function huffmanCode(symbol: number): { code: number; bits: number } {
  return { code: CANONICAL.codes[symbol]!, bits: HUFFMAN_CODE_LENGTHS[symbol]! };
}

/**
 * Decode a Huffman-coded string literal (RFC 7541 section 5.2). Throws on what the RFC
 * calls a decoding error: the EOS symbol inside the string, padding longer than 7 bits,
 * or padding that is not the most significant bits of EOS (all ones).
 */
export function huffmanDecode(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((input.length * 8) / 5)); // no code is shorter than 5 bits
  let n = 0;
  let code = 0;
  let length = 0;
  const { symbols, firstCode, count, start } = CANONICAL;
  for (const byte of input) {
    for (let bit = 7; bit >= 0; bit--) {
      code = code * 2 + ((byte >> bit) & 1);
      length++;
      const offset = code - firstCode[length]!;
      if (count[length]! > 0 && offset >= 0 && offset < count[length]!) {
        const symbol = symbols[start[length]! + offset]!;
        if (symbol === EOS) throw new Error('the Huffman-coded string contains the EOS symbol');
        out[n++] = symbol;
        code = 0;
        length = 0;
      } else if (length >= MAX_LENGTH) throw new Error('the Huffman-coded string holds an invalid code');
    }
  }
  if (length > 7) throw new Error('the Huffman-coded string ends in more than 7 bits of padding');
  if (code !== 2 ** length - 1) throw new Error('the Huffman-coded string ends in padding that is not all ones');
  return out.subarray(0, n);
}
