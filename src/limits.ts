/**
 * Every bound labreport keeps against hostile or enormous captures, with its default.
 * Each is a named option (README, "Limits"); nothing is bounded by a number hidden in a loop.
 */
export interface Limits {
  /** Bytes of one message body kept for decoding and display; a longer body is described by its size and SHA-256. */
  maxBodyBytes: number;
  /** Body bytes kept across the whole capture; once spent, further bodies are described by size and SHA-256 only. */
  maxKeptBodyBytes: number;
  /** Largest decoded (decompressed) body; a decompression bomb stops here with a warning. */
  maxDecodedBytes: number;
  /** Bytes of decoded body text put in the model and the report, per body. */
  maxBodyTextBytes: number;
  /** Largest HTTP header section (start line, header fields, blank line); a longer one is treated as malformed. */
  maxHeaderBytes: number;
  /** Frames listed for one message; a message spanning more lists the first ones and counts the rest. */
  maxFramesPerMessage: number;
  /** HTTP exchanges detailed in the model; further ones are counted, not listed. */
  maxExchanges: number;
  /** Connections listed in the model (those carrying a dissected protocol); further ones are counted. */
  maxConnectionsListed: number;
  /** Out-of-order bytes buffered per TCP direction before the hole in front of them is declared lost. */
  maxOutOfOrderBytes: number;
  /** Warnings listed in the model; further ones are counted. */
  maxWarnings: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxKeptBodyBytes: 64 * 1024 * 1024,
  maxDecodedBytes: 16 * 1024 * 1024,
  maxBodyTextBytes: 32 * 1024,
  maxHeaderBytes: 64 * 1024,
  maxFramesPerMessage: 10_000,
  maxExchanges: 10_000,
  maxConnectionsListed: 10_000,
  maxOutOfOrderBytes: 4 * 1024 * 1024,
  maxWarnings: 1000,
};
