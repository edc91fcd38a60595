/*
 * The words of the IMAP warnings in English (warnings-zh.ts has the same ids and
 * placeholders); see knowledge/core/warnings-en.ts for the message format.
 */
export const imapWarningsEn = {
  'imap.tooManyLiterals': 'more than {max} literals in one IMAP command or response; the rest of it is read as lines',
  'imap.literalGap':
    '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of a {size}-byte IMAP literal ({side, select, client {sent by the client} other {sent by the server}}) were not captured',
  'imap.notCommand': '"{text}" is not an IMAP command',
  'imap.notResponse': '"{text}" is not an IMAP response',
  'imap.compressed': 'the IMAP dialogue is compressed (COMPRESS DEFLATE, RFC 4978) from here on; labreport does not read it',
};

export type ImapWarningId = keyof typeof imapWarningsEn;
