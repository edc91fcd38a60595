/*
 * The words of the warnings about the capture file, the decoding of its frames and TCP
 * reassembly, in English (warnings-zh.ts has the same ids and placeholders). Each is an ICU
 * message (https://unicode-org.github.io/icu/userguide/format_parse/messages/): {name} is
 * a parameter of the warning, `select` and `plural` choose words by a parameter, and
 * `{reason}` is filled with the words of the id the parameter names. The report puts
 * "TCP stream N: " before the words of a warning that concerns one connection.
 */
export const coreWarningsEn = {
  /** Put before a warning that concerns one TCP connection. */
  'core.streamPrefix': 'TCP stream {stream}: {text}',

  // The capture file (capture/pcap.ts, pcapng.ts, open.ts): where reading stopped.
  'capture.cutOff': 'the file is cut off inside frame {next} ({present} of {length} bytes present); reading stopped after frame {last}',
  'capture.cutOffBlock': 'the file is cut off inside a block ({present} of {length} bytes present); reading stopped after frame {last}',
  'capture.cutOffRecordHeader': 'the file ends inside the record header of frame {next} ({present} of 16 bytes); reading stopped after frame {last}',
  'capture.cutOffBlockHeader': 'the file ends inside a block header ({present} bytes left); reading stopped after frame {last}',
  'capture.recordTooLong':
    "frame {next}'s record claims {length} captured bytes, more than the maximum of {max}: the file is damaged from here; reading stopped after frame {last}",
  'capture.byteOrder': 'section header {section} has an unknown byte-order magic {magic}; reading stopped after frame {last}',
  'capture.blockLength':
    'a block after frame {last} has an impossible length of {length} bytes: the file is damaged from here; reading stopped after frame {last}',
  'capture.blockTooShort':
    'a block of type {type} after frame {last} is {length} bytes long, shorter than the {shortest} its fields need: the file is damaged from here; reading stopped after frame {last}',
  'capture.blockLengths':
    'a block after frame {last} has mismatched leading and trailing lengths: the file is damaged from here; reading stopped after frame {last}',
  'capture.unknownInterface': 'frame {next} names interface {interface}, which no interface description block declared; reading stopped after frame {last}',
  'capture.frameTooLong':
    'frame {next} claims {length} captured bytes, more than its block holds: the file is damaged from here; reading stopped after frame {last}',
  'capture.secretsBlock': 'a decryption secrets block after frame {last} is malformed (its secrets overrun the block); it is ignored',
  'capture.compressedCutOff': 'the {compression} data ends before its compressed stream does (the file is cut off); reading stopped there',
  'capture.compressedDamaged': 'the {compression} data is damaged after {bytes} compressed bytes; reading stopped there',
  'capture.compressedCheck': 'the {compression} data is cut off or damaged: what it decompresses to does not match the checksum and length it ends with',

  // Decoding frames (dissect.ts).
  'decode.linkType': 'frames of link type {linkType} are not decoded (labreport reads Ethernet, Linux cooked SLL/SLL2, raw IP and BSD loopback)',
  'decode.tcpHeader': 'the TCP header is damaged or cut off; the frame is skipped',
  'decode.fragments': '{count} fragmented IP datagrams never arrived whole (fragments missing from the capture)',

  // TCP reassembly (reassembly/, dissect.ts).
  'tcp.gap':
    '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} from {from} to {to} not captured {before, select, 0 {before frame {after}} other {between frames {before} and {after}}} ({why, select, snaplen {frame {after} was cut short by the capture’s snapshot length} other {previous segment not captured}})',
  'tcp.evicted':
    'more than {max} TCP connections were open at once ({limit}): the {count} oldest were closed early and forgotten, so a late packet of theirs counts as a new connection',

  // Not warnings: the words of the notes the report puts beside what a warning affects (render/damage.ts).
  'note.captureDamage': 'Damage to the file',
  'note.gapRow':
    '[{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} not captured before this frame: {why, select, snaplen {the frame was cut short by the snapshot length} other {previous segment not captured}}]',
  'note.holeHeader':
    '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of the header fields were not captured (before frame {frame}): fields such as To: or Subject: may be missing',
  'note.holePart': '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of MIME part {part} were not captured (before frame {frame})',
  'note.holeBody': '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}} of the body were not captured (before frame {frame})',
  'note.fieldLost': 'not captured: the header has a hole',
  'note.hashCaptured': 'SHA-256 of the bytes captured (bytes are missing)',
};

export type CoreWarningId = keyof typeof coreWarningsEn;
