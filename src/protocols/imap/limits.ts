/*
 * Bounds of the IMAP dissector that src/limits.ts does not have yet (the lead engineer will
 * move them there as --max-… options). The lists of one session that grow with the dialogue
 * (commands, logins, SASL exchanges and their steps, capability announcements, mailboxes,
 * selections, searches, fetch responses, expunged numbers, messages) are bounded by
 * maxTranscriptLines: each entry is at least one line of the transcript, so none can
 * outgrow it.
 */

/** Numbers kept from one SEARCH answer; a search over a big mailbox can return every message number, and the rest are counted. */
export const MAX_SEARCH_RESULTS = 10_000;

/** Commands sent and not yet completed that are tracked for pairing by tag; clients pipeline a handful, a hostile one could send millions (the oldest is then dropped). */
export const MAX_PENDING_COMMANDS = 256;

/** Literals in one command or response (MULTIAPPEND uploads several messages, a FETCH of several sections returns several); past it the rest of the command or response is read as lines. */
export const MAX_LITERALS_PER_MESSAGE = 1000;

/** Bytes of a literal that is neither a message nor a header (a LOGIN string, a mailbox name) kept to show in the transcript. */
export const MAX_INLINE_LITERAL_BYTES = 1024;

/** Depth of parenthesised lists read from a command or response (BODYSTRUCTURE nests a few levels); deeper brackets are read as plain text. */
export const MAX_LIST_DEPTH = 32;
