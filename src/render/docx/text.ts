/*
 * Text as XML 1.0 can carry it. The docx writer escapes &, < and >, but a C0 control
 * character, a lone surrogate or U+FFFE/U+FFFF in a w:t makes the whole document
 * unreadable to Word. Captured text reaches the Markdown with its controls already shown
 * as control pictures (␀, ␛, …); a note or a custom template might still hold one, so
 * every string bound for the document passes through here.
 */

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string with every character XML 1.0 forbids replaced: controls by their control pictures, the rest by U+FFFD. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\ufffd';
  });
}
