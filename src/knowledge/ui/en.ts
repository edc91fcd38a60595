/*
 * The report's own words in English, for the parts every report has: the header block,
 * the sections of a lab report, the environment, the packet list, the appendix, the class
 * summary. Each protocol slice has its own table beside its knowledge (src/knowledge/http/ui-en.ts,
 * src/knowledge/mail/ui-en.ts). {0}, {1}, … are filled in by the report. zh.ts has the same keys.
 */
export const uiEn = {
  title: 'Lab report: {0}',
  none: 'none',
  yes: 'yes',
  no: 'no',
  byte: '{0} byte',
  bytes: '{0} bytes',
  secondsN: '{0} s',
  millisecondsN: '{0} ms',
  frameN: 'frame {0}',
  framesN: 'frames {0}',
  streamN: 'tcp.stream {0}',
  incomplete: 'incomplete',
  contents: 'Contents',
  pageOf: 'Page {0} of {1}',
  pdfCut:
    'This PDF ends here: the report is {1} of HTML, more than the {2} a PDF is printed from (--max-pdf-html-bytes), so it stops before “{0}”. The HTML and Markdown reports are complete.',
  item: 'Item',
  value: 'Value',
  meaning: 'Meaning',
  listSeparator: ', ',
  // A non-RFC source: its name, then what it is (knowledge/types.ts RefNote).
  refSeparator: ', ',
  'ref.deFacto': 'a de facto convention, no specification',
  'ref.commonField': 'a common non-standard field',
  'ref.expiredDraft': 'an expired IETF draft',
  'ref.localDelivery': 'its local delivery',
  'ref.authDrafts': 'the AUTH drafts before RFC 2554',
  'ref.previewDraft': 'the name before RFC 8970',
  'ref.replacedBySpecialUse': 'replaced by RFC 6154 SPECIAL-USE',
  sentenceEnd: '.',
  /** Between two sentences. */
  sentenceJoin: ' ',

  // The header block, as on a paper report
  school: 'School',
  college: 'College',
  course: 'Course',
  grade: 'Year',
  class: 'Class',
  teacher: 'Teacher',
  score: 'Score',
  studentName: 'Student',
  studentNumber: 'Student no.',
  experimentName: 'Experiment',
  experimentNumber: 'Experiment no.',
  date: 'Date',
  time: 'Time',
  group: 'Group',

  // The sections of a lab report
  purposeTitle: '1 Purpose',
  assignmentTitle: '2 Tasks',
  environmentTitle: '3 Environment',
  procedureTitle: '4 Procedure and results',
  summaryTitle: '5 Summary',
  appendixTitle: 'Appendix',
  taskLabel: 'Task {0}',
  taskHeading: '4.{0} Task {0}: {1}',
  questionHeading: 'Question {0}',
  taskListItem: '{0}: {1}',
  tasksIntro: 'The procedure below answers these tasks, one subsection each:',
  notesTitle: 'My observations',
  seeTask: 'see {0}',

  // Environment
  envCaptureOs: 'Operating system (where the capture was made)',
  envCaptureHardware: 'Hardware',
  envCaptureApp: 'Capture program',
  envInterface: 'Interface',
  envCaptureFile: 'Capture file',
  envCaptureFileValue: '{0}, {1}, {2} packets, {3} to {4} ({5} s)',
  envStudent: 'Noted by the student',
  envNothing: 'The capture file does not record the system it was made on (a classic pcap file has no room for it; pcapng records it).',

  // Packet list
  packetListIntro: 'The packet list in Wireshark with the display filter {0}; each row is the frame that carries the last byte of a message.',
  packetListExcerpt: 'In the packet list (display filter {0}), around the frames examined here (marked ▶):',
  noColumn: 'No.',
  timeColumn: 'Time',
  source: 'Source',
  destination: 'Destination',
  protocol: 'Protocol',
  length: 'Length',
  info: 'Info',
  packetsUnlisted: '{0} more rows are not listed.',
  packetDetailsIntro: "Wireshark's packet details of frame {0} (expanded where it matters):",
  gapRow: '[{0} bytes not captured before this frame: {1}]',
  continuationRow: 'Continuation',

  // Blocks the capture cannot fill
  missingIntro: 'Not in this capture. ',

  // What went over the wire in clear text
  cleartextNone: 'No password or other secret was sent in clear text in this capture.',
  cleartextIntro:
    'What went over the wire unencrypted: {0}. Anyone on the path can read it, as this report does (the secrets are masked here). To protect it, the same protocols run over TLS: HTTPS, SMTP with STARTTLS or on port 465, POP3 with STLS or on port 995; this lab is captured without TLS precisely so that its messages can be read.',
  cleartextHttp: 'an HTTP {0} ({1} in frame {2})',
  cleartextSmtp: 'an SMTP login ({0}, frames {1})',
  cleartextPop3: 'a POP3 login ({0}, frames {1})',

  // The protocols compared
  compareTitle: 'The protocols compared',
  aspect: 'Aspect',
  cmpPurpose: 'Purpose',
  cmpOpener: 'Who opens the TCP connection',
  cmpPort: 'Well-known port',
  cmpDirection: 'Push or pull',
  cmpFirstWord: 'Who speaks first',
  cmpRequests: 'Requests',
  cmpReplies: 'Replies',
  cmpPerExchange: 'What one exchange carries',
  cmpEnd: 'How the end of the data is marked',
  cmpData: 'Data in the body',
  cmpState: 'State',
  cmpSecure: 'Encrypted variant',
  cmpInCapture: 'In this capture',
  cmpCount: '{0} connections',

  // Appendix
  appendixPackets: 'The packet list',
  appendixConnections: 'TCP connections',
  appendixWarnings: 'Warnings',
  appendixLetter: '{0}. {1}',
  appendixAbout: 'How this report was made',
  connectionsIntro: 'Each row is one TCP connection, numbered as Wireshark numbers them (tcp.stream); the client is the side that sent the SYN.',
  connectionsUnlisted: '{0} more TCP connections carry no protocol this report reads.',
  client: 'Client',
  server: 'Server',
  frames: 'Frames',
  packets: 'Packets',
  payload: 'Payload',
  notes: 'Notes',
  noHandshake: 'handshake not captured',
  lostBytes: '{0} bytes not captured',
  retransmissions: '{0} retransmissions',
  warningsIntro: 'What in the capture could not be read normally. It does not stop the report; it says what to treat with care.',
  warningsUnlisted: '{0} more warnings are not listed.',
  noWarnings: 'None: every message in the capture was read whole.',
  aboutText:
    'Made by {0} from the capture file {1} ({2}), following the lab profile "{3}". Frame numbers are those Wireshark shows; a message is cited at the frame that carries its last byte. Examples chosen: {4}.',
  aboutChosenAuto: 'the most complete of the capture',
  aboutChosenConfig: 'as configured ({0})',
  aboutSecrets: 'Passwords and other secrets are masked in every output file.',
  aboutSecretsShown: 'Passwords and other secrets are shown, as the configuration asked (revealSecrets).',

  // Class summary (several captures)
  classSummaryTitle: 'Class summary',
  classSummaryIntro: '{0} captures: {1} reported, {2} could not be read.',
  captureColumn: 'Capture',
  statusColumn: 'Status',
  warningsColumn: 'Warnings',
  duplicatesColumn: 'Same as',
  duplicateFile: '{0} (identical file)',
  duplicateConversations: '{0} (same conversations)',
  classSummaryLegend:
    '✓ the capture holds the task, ✗ it does not. "Same as" names captures holding the same file, or the same TCP conversations saved again under another name or format.',
} as const;

export type UiKey = keyof typeof uiEn;
export type UiStrings = Record<UiKey, string>;
