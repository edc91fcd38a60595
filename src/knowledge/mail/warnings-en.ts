/*
 * The words of the SMTP and POP3 warnings, and of what every mail protocol shares, in
 * English (warnings-zh.ts has the same ids and placeholders); see
 * knowledge/core/warnings-en.ts for the message format.
 */
export const mailWarningsEn = {
  'smtp.messageGap': '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of the mail message were not captured',
  'smtp.notReply': '"{text}" is not an SMTP reply',
  'pop3.responseGap': '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of a POP3 {command} response were not captured',
  'pop3.notResponse': '"{text}" is not a POP3 response',
  'mail.sessionsUnlisted':
    '{count} {protocol} sessions past the {limit} limit ({max}) are counted but not listed{counted, select, 0 {} other { ({partial, select, 0 {their} other {{connections} of their}} connections: {packets} packets, {bytes} bytes of TCP payload, frames {first}–{last})}}',
  'mail.sessionCut': 'the capture ends before the {protocol} session does (its last frame is {last}): what follows was not captured',
};

export type MailWarningId = keyof typeof mailWarningsEn;
