/** The 16 GREASE values (RFC 8701): 0x0a0a, 0x1a1a, … 0xfafa, sent to keep servers tolerant of unknown values. (Apart from facts.ts, which holds data only, so the package can carry it as a table.) */
export const isGrease = (code: number): boolean => (code & 0x0f0f) === 0x0a0a && code >> 8 === (code & 0xff);
