/*
 * English explanations of the mail knowledge tables (see facts.ts for the references).
 * Written for a first-year student looking at an SMTP or POP3 capture in Wireshark.
 */

import type { MailTexts } from './types.js';

export const mailEn = {
  smtpCommands: {
    HELO: {
      title: 'Hello (basic greeting)',
      text: "The client's first command, naming its own host. It is the original SMTP greeting; a client that wants to use SMTP extensions sends EHLO instead. The server answers 250.",
    },
    EHLO: {
      title: 'Extended hello',
      text: "The client greets the server with its host name and asks which extensions it supports. The server answers with a multi-line 250 reply: each line such as '250-SIZE 10240000' or '250-AUTH PLAIN LOGIN' names one extension, and the last line has a space instead of the hyphen ('250 ...').",
    },
    MAIL: {
      title: 'Start a message (envelope sender)',
      text: 'Starts a new mail transaction and gives the envelope sender (reverse-path), the address that bounce reports go to; it can differ from the From: header the recipient sees. Bounce messages themselves use the empty address MAIL FROM:<>.',
    },
    RCPT: {
      title: 'Envelope recipient',
      text: 'Names one recipient of the message; the client sends one RCPT TO per recipient. Bcc recipients appear only here, never in the message headers. The server answers 250 if it accepts the address, or an error such as 550 if not.',
    },
    DATA: {
      title: 'Send the message content',
      text: "Asks to send the message itself (header fields and body). After the server's 354 reply, the client sends the message and ends it with a line holding only a dot; the server then answers 250 once it has taken responsibility for delivery.",
    },
    BDAT: {
      title: 'Send a binary data chunk',
      text: 'Sends the message in chunks of exactly the stated number of bytes instead of using DATA, so no closing dot line is needed; the last chunk is marked LAST. Only allowed when the server advertises CHUNKING.',
    },
    RSET: {
      title: 'Reset the transaction',
      text: 'Cancels the current mail transaction: the sender, the recipients and any data given so far are discarded, but the connection stays open. The server answers 250.',
    },
    VRFY: {
      title: 'Verify an address',
      text: 'Asks the server whether a user or mailbox exists. Many servers refuse or answer 252 (cannot verify) because spammers could use it to collect valid addresses.',
    },
    EXPN: {
      title: 'Expand a mailing list',
      text: 'Asks the server to list the members of a mailing list. Most servers disable it for privacy and answer with an error.',
    },
    HELP: {
      title: 'Ask for help',
      text: 'Asks the server for help text, optionally about one command. The answer is a 214 help message meant for a human reader.',
    },
    NOOP: {
      title: 'No operation',
      text: 'Does nothing except make the server answer 250 OK. Clients use it to keep the connection alive or to check that the server still responds.',
    },
    QUIT: {
      title: 'End the session',
      text: 'Asks the server to close the session. The server answers 221 and closes the TCP connection, so the capture shows FIN segments right after.',
    },
    AUTH: {
      title: 'Authenticate (log in)',
      text: "Starts a login with the named SASL mechanism, e.g. AUTH PLAIN or AUTH LOGIN. The server's challenges come as 334 lines and the client's answers as base64 lines; 235 means the login worked, 535 that the credentials were wrong. Base64 is only an encoding, so without TLS the password can be decoded from the capture.",
    },
    STARTTLS: {
      title: 'Switch to TLS encryption',
      text: "Asks to turn this plain-text connection into an encrypted TLS connection. After the server's 220 reply, Wireshark shows a TLS handshake and then only encrypted application data; the client must send EHLO again inside TLS.",
    },
    ETRN: {
      title: 'Start the queue for a domain',
      text: 'Asks the server to start delivering the mail it has queued for the given domain, by opening a new connection to that domain. Meant for sites that are only connected part of the time.',
    },
    TURN: {
      title: 'Reverse roles (obsolete)',
      text: "Asked the server to swap roles and send its queued mail back over the same connection. It is obsolete: without authentication anyone could collect another site's mail, and RFC 5321 lists it among the deprecated features.",
    },
    ATRN: {
      title: 'Authenticated TURN',
      text: 'Part of On-Demand Mail Relay: after logging in with AUTH, the client asks the server to reverse roles and deliver the mail queued for the listed domains over this same connection.',
    },
    XCLIENT: {
      title: 'Postfix XCLIENT (non-standard)',
      text: "A Postfix extension that lets a trusted proxy or test tool tell the server the original client's address, host name or login, so the server applies its rules as if that client had connected. It is not part of any RFC.",
    },
    XFORWARD: {
      title: 'Postfix XFORWARD (non-standard)',
      text: "A Postfix extension by which a trusted content filter passes on the original client's name, address and protocol, so that they appear correctly in logs and Received: fields. It is not part of any RFC.",
    },
  },

  smtpReplyCodes: {
    '211': { title: 'System status', text: 'A system status or system help reply, usually in answer to a HELP or status request.' },
    '214': { title: 'Help message', text: 'Help text for a human reader, in answer to HELP, for example a list of the supported commands.' },
    '220': {
      title: 'Service ready',
      text: "The server's greeting when the connection opens, normally with its host name, e.g. '220 mail.example.com ESMTP'. In answer to STARTTLS it means 'go ahead, start the TLS handshake'.",
    },
    '221': { title: 'Closing connection', text: 'The answer to QUIT: the server says goodbye and closes the connection.' },
    '250': {
      title: 'OK, action completed',
      text: "The requested action was completed: sender accepted, recipient accepted, message accepted for delivery, and so on. The reply to EHLO is a multi-line 250 that lists the server's extensions.",
    },
    '251': {
      title: 'User not local; will forward',
      text: 'The recipient is not on this server, but the server accepts the message and will forward it to the address it gives.',
    },
    '252': {
      title: 'Cannot verify user, will try delivery',
      text: 'The usual answer to VRFY: the server will not or cannot confirm that the user exists, but it will accept a message for that address and try to deliver it.',
    },
    '354': {
      title: 'Start mail input',
      text: 'The answer to DATA: the server is ready for the message. The client now sends the header fields and body and ends the message with a line holding only a dot (CRLF . CRLF); a line that itself begins with a dot is sent with an extra dot.',
    },
    '421': {
      title: 'Service not available, closing',
      text: 'The server is closing the connection, e.g. because it is shutting down, overloaded, or the client was idle too long. It is temporary: the client should try again later.',
    },
    '450': {
      title: 'Mailbox unavailable (temporary)',
      text: 'The action was not taken because the mailbox is temporarily unavailable, e.g. busy or temporarily blocked by a policy such as greylisting. The client should try again later.',
    },
    '451': {
      title: 'Local error in processing',
      text: 'The server aborted the action because of a temporary problem on its side. The client keeps the message and retries later.',
    },
    '452': {
      title: 'Insufficient system storage',
      text: "The server does not have room for the message right now; it is also the reply for 'too many recipients' after RCPT TO. It is temporary; the client retries later.",
    },
    '455': {
      title: 'Cannot accommodate parameters',
      text: 'The server cannot handle the parameters given with MAIL FROM or RCPT TO at the moment. It is temporary.',
    },
    '500': {
      title: 'Syntax error, command unrecognized',
      text: 'The server did not understand the command, or the command line was too long. You see it when a client sends an unknown command.',
    },
    '501': {
      title: 'Syntax error in parameters',
      text: 'The command is known but its arguments are wrong, e.g. a malformed address in MAIL FROM or invalid base64 during AUTH.',
    },
    '502': { title: 'Command not implemented', text: 'The server recognizes the command but does not support it.' },
    '503': {
      title: 'Bad sequence of commands',
      text: 'The command came in the wrong order, e.g. RCPT TO before MAIL FROM, DATA without any accepted recipient, or MAIL before logging in on a server that requires AUTH.',
    },
    '504': {
      title: 'Command parameter not implemented',
      text: 'The command is supported but not with this parameter, e.g. AUTH with a mechanism the server does not offer.',
    },
    '550': {
      title: 'Mailbox unavailable',
      text: 'The action was refused permanently: typically the recipient does not exist, or the server rejects the command for policy reasons (e.g. relaying denied). The client should not retry unchanged.',
    },
    '551': {
      title: 'User not local; please try another path',
      text: 'The recipient is not on this server and the server will not forward the message; the reply may name the address to try instead.',
    },
    '552': {
      title: 'Exceeded storage allocation',
      text: "The message was refused because it is too big or the recipient's mailbox is over its quota.",
    },
    '553': {
      title: 'Mailbox name not allowed',
      text: 'The address is not acceptable, e.g. its syntax is wrong or the server does not allow this sender address.',
    },
    '554': {
      title: 'Transaction failed',
      text: "The transaction failed permanently; often the message is rejected after the data was sent (e.g. as spam). As the first reply on a new connection it means 'no SMTP service here'.",
    },
    '555': {
      title: 'MAIL FROM/RCPT TO parameters not recognized',
      text: 'A parameter added to MAIL FROM or RCPT TO (such as SIZE= or BODY=) is not recognized or not implemented by the server.',
    },
    '235': { title: 'Authentication succeeded', text: 'The AUTH login worked; the client may now send mail as the authenticated user.' },
    '334': {
      title: 'Server challenge (during AUTH)',
      text: "During AUTH the server asks for the next piece of the login, base64-encoded. With AUTH LOGIN, 'VXNlcm5hbWU6' is 'Username:' and 'UGFzc3dvcmQ6' is 'Password:'; the client's base64 answers can be decoded just as easily.",
    },
    '432': {
      title: 'Password transition needed',
      text: 'The user must first log in once with the PLAIN mechanism (over an encrypted connection) before the chosen mechanism will work.',
    },
    '454': {
      title: 'Temporary authentication failure / TLS not available',
      text: 'A temporary failure. After AUTH it means the server could not check the login right now (e.g. its password database is unreachable); after STARTTLS it means TLS is temporarily not available.',
    },
    '530': {
      title: 'Authentication required',
      text: 'The server will not accept this command until the client logs in with AUTH. Some servers also use it to demand STARTTLS first.',
    },
    '534': {
      title: 'Authentication mechanism too weak',
      text: "The chosen AUTH mechanism is weaker than the server's policy allows for this user; the client should use a stronger one.",
    },
    '535': {
      title: 'Authentication credentials invalid',
      text: 'The login failed: the user name or password is wrong. It usually comes with the enhanced code 5.7.8.',
    },
    '538': {
      title: 'Encryption required for this mechanism',
      text: 'This AUTH mechanism may only be used on an encrypted connection, so the client must use STARTTLS first. RFC 4954 keeps this code mainly for historical reasons.',
    },
    '521': {
      title: 'Host does not accept mail',
      text: 'This host never accepts mail; it can be sent as the greeting instead of 220. The client should not try again.',
    },
    '556': {
      title: 'Domain does not accept mail',
      text: "The recipient's domain does not accept mail at all, for example because it publishes a 'null MX' DNS record.",
    },
  },

  smtpReplyDigits: {
    '2yz': { title: 'Positive completion', text: 'First digit 2: the command succeeded and the client may send the next one.' },
    '3yz': {
      title: 'Positive intermediate',
      text: 'First digit 3: the command was accepted but the server is waiting for more, e.g. 354 waiting for the message after DATA, or 334 waiting for the next AUTH step.',
    },
    '4yz': {
      title: 'Transient negative completion',
      text: 'First digit 4: a temporary failure. Nothing was done, but the same command may succeed if it is tried again later.',
    },
    '5yz': {
      title: 'Permanent negative completion',
      text: 'First digit 5: a permanent failure. The client should not repeat the same request unchanged.',
    },
    x0z: {
      title: 'Syntax',
      text: 'Second digit 0: syntax errors, unknown or unimplemented commands, and correct commands that fit no other category (e.g. 500, 502).',
    },
    x1z: { title: 'Information', text: 'Second digit 1: replies to requests for information, such as status or help (211, 214).' },
    x2z: { title: 'Connections', text: 'Second digit 2: replies about the transmission channel, such as 220 (service ready) and 221 or 421 (closing).' },
    x3z: {
      title: 'Unspecified (3)',
      text: 'RFC 5321 assigns no category to second digit 3. Extensions use it, e.g. the AUTH replies 235, 334, 530 and 535.',
    },
    x4z: { title: 'Unspecified (4)', text: 'RFC 5321 assigns no category to second digit 4 and defines no reply codes with it.' },
    x5z: {
      title: 'Mail system',
      text: 'Second digit 5: the state of the receiving mail system for the requested action, e.g. 250, 354, 450 and 550.',
    },
  },

  enhancedClasses: {
    '2': { title: 'Success', text: 'Class 2 (e.g. 2.1.5): the action was successful; the rest of the code can add detail about it.' },
    '4': {
      title: 'Persistent transient failure',
      text: 'Class 4: the message itself is valid, but a temporary condition prevented delivery. Sending it later may succeed.',
    },
    '5': {
      title: 'Permanent failure',
      text: 'Class 5: resending the same message will not help; something about the message or the destination has to change.',
    },
  },

  enhancedSubjects: {
    '0': { title: 'Other or undefined status', text: 'Subject 0 (X.0.X): no more specific information is available.' },
    '1': {
      title: 'Addressing status',
      text: 'Subject 1 (X.1.X): about the sender or recipient address, its syntax or validity. The sender can usually correct it.',
    },
    '2': { title: 'Mailbox status', text: "Subject 2 (X.2.X): about the recipient's mailbox, e.g. full or disabled." },
    '3': { title: 'Mail system status', text: 'Subject 3 (X.3.X): about the destination mail system, e.g. out of space or not accepting messages.' },
    '4': {
      title: 'Network and routing status',
      text: 'Subject 4 (X.4.X): about the network or routing, e.g. DNS failures, no answer from the host, routing loops.',
    },
    '5': { title: 'Mail delivery protocol status', text: 'Subject 5 (X.5.X): about the SMTP conversation itself, e.g. invalid commands or syntax errors.' },
    '6': { title: 'Message content or media status', text: 'Subject 6 (X.6.X): about the content of the message, e.g. its media type or a needed conversion.' },
    '7': { title: 'Security or policy status', text: 'Subject 7 (X.7.X): about security or policy, e.g. authentication, relaying not allowed, spam checks.' },
  },

  enhancedStatus: {
    '0.0': { title: 'Other undefined status', text: "Only the class of the result is known; used when no more specific code applies, e.g. '550 5.0.0'." },
    '1.0': { title: 'Other address status', text: 'Something about an address in the message caused this result, with no more detail.' },
    '1.1': {
      title: 'Bad destination mailbox address',
      text: "The recipient mailbox does not exist: the part left of the @ is wrong. This is the classic 'user unknown' rejection, e.g. '550 5.1.1'.",
    },
    '1.2': { title: 'Bad destination system address', text: "The recipient's domain (right of the @) does not exist or cannot accept mail." },
    '1.3': { title: 'Bad destination mailbox address syntax', text: 'The recipient address is not syntactically valid.' },
    '1.4': { title: 'Destination mailbox address ambiguous', text: 'The address matches more than one recipient on the destination system.' },
    '1.5': { title: 'Destination address valid', text: "The recipient address is valid; seen in success replies such as '250 2.1.5 Ok' after RCPT TO." },
    '1.6': {
      title: 'Destination mailbox has moved, no forwarding address',
      text: 'The address used to be valid but no longer accepts mail, and no forwarding address is known.',
    },
    '1.7': { title: "Bad sender's mailbox address syntax", text: 'The sender address is not syntactically valid.' },
    '1.8': { title: "Bad sender's system address", text: "The sender's domain does not exist or cannot accept returned mail (bounces)." },
    '1.9': {
      title: 'Message relayed to non-compliant mailer',
      text: 'The address was valid, but the message was relayed to a system that does not support delivery status reports, so no further information can be given.',
    },
    '1.10': { title: 'Recipient address has null MX', text: "The recipient's domain publishes a 'null MX' DNS record, declaring that it accepts no mail." },
    '2.0': { title: 'Other or undefined mailbox status', text: 'The mailbox exists, but something about it caused this result.' },
    '2.1': { title: 'Mailbox disabled, not accepting messages', text: 'The mailbox exists but does not accept messages, temporarily or permanently.' },
    '2.2': { title: 'Mailbox full', text: "The recipient's mailbox is over its quota; it can work again once the recipient deletes some mail." },
    '2.3': { title: 'Message length exceeds administrative limit', text: "The message is larger than this mailbox's size limit." },
    '2.4': { title: 'Mailing list expansion problem', text: 'The address is a mailing list that could not be expanded into its members.' },
    '3.0': { title: 'Other or undefined mail system status', text: 'The destination system normally accepts mail, but something about it caused this result.' },
    '3.1': { title: 'Mail system full', text: "The mail system's storage is exhausted." },
    '3.2': { title: 'System not accepting network messages', text: 'The host is not accepting messages, e.g. because of a shutdown, overload or maintenance.' },
    '3.3': { title: 'System not capable of selected features', text: 'The destination system does not support features requested for this message.' },
    '3.4': { title: 'Message too big for system', text: "The message is larger than the system's per-message size limit." },
    '3.5': { title: 'System incorrectly configured', text: 'The system is not configured in a way that lets it accept this message.' },
    '3.6': {
      title: 'Requested priority was changed',
      text: 'The message was accepted, but not with the priority requested through MT-PRIORITY; the reply text gives the new priority.',
    },
    '4.0': { title: 'Other or undefined network or routing status', text: 'Something went wrong in networking or routing, and no more precise code applies.' },
    '4.1': { title: 'No answer from host', text: 'The next mail server could not be reached: the connection attempt was not answered.' },
    '4.2': {
      title: 'Bad connection',
      text: 'A connection was set up but the transaction could not be completed, e.g. because of a time-out or a poor connection.',
    },
    '4.3': { title: 'Directory server failure', text: 'A directory server such as DNS was unavailable, so the message could not be forwarded.' },
    '4.4': { title: 'Unable to route', text: 'The next hop could not be determined, e.g. DNS has no usable mail routing records for the domain.' },
    '4.5': { title: 'Mail system congestion', text: 'The mail system is congested; delivery will be tried again later.' },
    '4.6': {
      title: 'Routing loop detected',
      text: 'The message was forwarded too many times, e.g. between two servers that keep sending it to each other (many Received: fields).',
    },
    '4.7': { title: 'Delivery time expired', text: 'The message waited too long in a queue, or its allowed delivery time ran out, and delivery was given up.' },
    '5.0': { title: 'Other or undefined protocol status', text: 'Something went wrong in the mail delivery protocol, and no more precise code applies.' },
    '5.1': { title: 'Invalid command', text: 'A command was sent out of sequence or is not supported.' },
    '5.2': { title: 'Syntax error', text: 'A command could not be interpreted, because its syntax is wrong or it is unrecognized.' },
    '5.3': { title: 'Too many recipients', text: 'More recipients were given than can be delivered in one transaction.' },
    '5.4': { title: 'Invalid command arguments', text: 'A valid command was given with invalid or unsupported arguments.' },
    '5.5': { title: 'Wrong protocol version', text: 'The two sides use protocol versions that cannot work together.' },
    '5.6': { title: 'Authentication exchange line is too long', text: 'During AUTH the client sent a base64 line longer than the server can accept.' },
    '6.0': { title: 'Other or undefined media error', text: 'Something about the content of the message made it undeliverable.' },
    '6.1': { title: 'Media not supported', text: "The message's media type is not supported by the delivery protocol or by the next system." },
    '6.2': { title: 'Conversion required and prohibited', text: 'The content would have to be converted for delivery, but conversion is not allowed.' },
    '6.3': {
      title: 'Conversion required but not supported',
      text: 'The content must be converted to be passed on (e.g. 8-bit to 7-bit), but the server cannot do that conversion.',
    },
    '6.4': { title: 'Conversion with loss performed', text: 'The message was delivered, but a conversion on the way lost some data.' },
    '6.5': { title: 'Conversion failed', text: 'A required conversion of the content was tried but failed.' },
    '6.6': { title: 'Message content not available', text: 'The message content could not be fetched from a remote system (used with the BURL extension).' },
    '6.7': {
      title: 'Non-ASCII addresses not permitted',
      text: 'MAIL FROM or RCPT TO contained a non-ASCII (internationalized) address that is not permitted for that sender or recipient.',
    },
    '6.8': {
      title: 'UTF-8 reply required but not permitted by the client',
      text: 'Showing the mailbox name needs a reply containing UTF-8, but the client did not enable SMTPUTF8.',
    },
    '6.9': {
      title: 'UTF-8 header message cannot be transferred',
      text: 'A message with UTF-8 header fields cannot be passed on to one or more recipients, so it is rejected after the final dot of DATA.',
    },
    '6.10': { title: 'Duplicate of X.6.8 (deprecated)', text: 'Registered as a duplicate of X.6.8 and therefore deprecated; it should not be used.' },
    '7.0': {
      title: 'Other or undefined security status',
      text: "A security-related result with no more precise code, or one the server will not describe for security reasons. Also seen in success replies such as '235 2.7.0'.",
    },
    '7.1': {
      title: 'Delivery not authorized, message refused',
      text: "The sender is not allowed to send to this destination, e.g. 'Relay access denied' or the sending address is on a block list.",
    },
    '7.2': { title: 'Mailing list expansion prohibited', text: 'The sender is not allowed to send to this mailing list.' },
    '7.3': {
      title: 'Security conversion required but not possible',
      text: 'Delivery needed a conversion between secure messaging protocols that was not possible.',
    },
    '7.4': { title: 'Security features not supported', text: 'The message used security features that the delivery protocol cannot support.' },
    '7.5': {
      title: 'Cryptographic failure',
      text: 'A system allowed to verify or decrypt the message could not do so, e.g. because a key was missing or invalid.',
    },
    '7.6': { title: 'Cryptographic algorithm not supported', text: 'Verifying or decrypting the message failed because the algorithm is not supported.' },
    '7.7': { title: 'Message integrity failure', text: 'The message was found to be corrupted or altered.' },
    '7.8': { title: 'Authentication credentials invalid', text: "AUTH failed because of a wrong user name or password, as in '535 5.7.8'." },
    '7.9': {
      title: 'Authentication mechanism is too weak',
      text: "The chosen AUTH mechanism is weaker than the server's policy allows; the client should use a stronger one.",
    },
    '7.10': {
      title: 'Encryption needed',
      text: 'A security layer such as TLS is needed before this (typically cleartext) authentication mechanism may be used.',
    },
    '7.11': {
      title: 'Encryption required for requested authentication mechanism',
      text: 'This AUTH mechanism may only be used over an encrypted connection. The registry notes that this code is kept for historical purposes.',
    },
    '7.12': { title: 'A password transition is needed', text: 'The user must log in once with the PLAIN mechanism before the chosen mechanism will work.' },
    '7.13': {
      title: 'User account disabled',
      text: 'The login itself succeeded, but the account is disabled; the user has to contact the administrator.',
    },
    '7.14': {
      title: 'Trust relationship required',
      text: 'The submission server needs a configured trust relationship with another server to fetch the message content.',
    },
    '7.15': { title: 'Priority level is too low', text: "The message's MT-PRIORITY is lower than the server accepts at the moment." },
    '7.16': { title: 'Message is too big for the specified priority', text: 'The message is too large for the priority that was requested.' },
    '7.17': {
      title: 'Mailbox owner has changed',
      text: 'Require-Recipient-Valid-Since check: the recipient mailbox has not had the same owner since the date given by the sender.',
    },
    '7.18': {
      title: 'Domain owner has changed',
      text: "Require-Recipient-Valid-Since check: the recipient's domain has changed owner since the date given by the sender.",
    },
    '7.19': {
      title: 'RRVS test cannot be completed',
      text: 'Require-Recipient-Valid-Since check: the server cannot do the check because it did not record the needed date.',
    },
    '7.20': { title: 'No passing DKIM signature found', text: 'The message did not carry any DKIM signature that verified.' },
    '7.21': {
      title: 'No acceptable DKIM signature found',
      text: "The message had DKIM signatures that verified, but none that is acceptable under the receiver's policy.",
    },
    '7.22': {
      title: 'No valid author-matched DKIM signature found',
      text: 'No verified DKIM signature matches the domain of the author address in the From: field.',
    },
    '7.23': {
      title: 'SPF validation failed',
      text: "The SPF check gave 'fail': the sending server's IP address is not authorized to send for the sender's domain.",
    },
    '7.24': { title: 'SPF validation error', text: 'The SPF check could not be completed because of an error, e.g. a DNS problem.' },
    '7.25': { title: 'Reverse DNS validation failed', text: "The client's IP address failed the receiver's reverse DNS check." },
    '7.26': { title: 'Multiple authentication checks failed', text: 'The message failed more than one authentication check, e.g. both SPF and DKIM.' },
    '7.27': {
      title: 'Sender address has null MX',
      text: "The sender's domain publishes a null MX, so bounces could not be returned; the receiver refuses the mail.",
    },
    '7.28': {
      title: 'Mail flood detected',
      text: 'The message appears to be part of a flood of similar abusive messages. This code was registered from an Internet-Draft, not an RFC.',
    },
    '7.29': { title: 'ARC validation failure', text: 'The message failed ARC (Authenticated Received Chain) validation.' },
    '7.30': { title: 'REQUIRETLS support required', text: 'The message requires REQUIRETLS, but the next hop does not support it, so it cannot be passed on.' },
  },

  ehloKeywords: {
    SIZE: {
      title: 'Message size declaration',
      text: "The server announces the largest message it accepts, in bytes (e.g. '250-SIZE 10240000' is about 10 MB); the client may state the size with MAIL FROM:<...> SIZE=n.",
    },
    '8BITMIME': {
      title: '8-bit MIME transport',
      text: 'The server accepts message bodies containing 8-bit bytes; the client announces such a body with BODY=8BITMIME on MAIL FROM.',
    },
    PIPELINING: {
      title: 'Command pipelining',
      text: 'The client may send several commands (e.g. MAIL, RCPT, DATA) without waiting for each reply, which is why several commands can appear in one TCP segment.',
    },
    AUTH: {
      title: 'Authentication',
      text: "The server supports the AUTH command; the words after AUTH list the SASL mechanisms it offers, e.g. 'AUTH PLAIN LOGIN CRAM-MD5'.",
    },
    'AUTH=': {
      title: 'AUTH= (old non-standard form)',
      text: "An old pre-standard spelling, e.g. '250-AUTH=PLAIN LOGIN', that some servers still send next to AUTH for very old clients. It lists the same mechanisms as AUTH.",
    },
    STARTTLS: { title: 'TLS upgrade available', text: 'The server can switch this connection to TLS encryption with the STARTTLS command.' },
    ENHANCEDSTATUSCODES: {
      title: 'Enhanced status codes',
      text: 'The server puts a detailed code such as 2.1.5 or 5.7.1 after the three-digit reply code.',
    },
    DSN: {
      title: 'Delivery status notifications',
      text: 'The client may ask for delivery reports, using NOTIFY= on RCPT TO and RET= / ENVID= on MAIL FROM.',
    },
    SMTPUTF8: {
      title: 'Internationalized email',
      text: 'The server accepts UTF-8 in addresses and header fields (e.g. Chinese mailbox names) when the client adds SMTPUTF8 to MAIL FROM.',
    },
    CHUNKING: { title: 'Chunked transfer (BDAT)', text: 'The client may send the message with BDAT commands in chunks of a stated size instead of DATA.' },
    BINARYMIME: {
      title: 'Binary MIME',
      text: 'The server accepts binary message bodies (not divided into lines), sent with BDAT and BODY=BINARYMIME.',
    },
    HELP: { title: 'HELP supported', text: 'The server supports the HELP command.' },
    VRFY: { title: 'VRFY supported', text: 'The server supports the VRFY command for checking addresses.' },
    EXPN: { title: 'EXPN supported', text: 'The server supports the EXPN command for expanding mailing lists.' },
    ETRN: { title: 'Remote queue starting', text: 'The server supports ETRN: a client may ask it to start delivering the mail queued for a domain.' },
    ATRN: {
      title: 'On-Demand Mail Relay',
      text: 'The server supports ATRN: an authenticated client can collect the mail queued for its domains over the same connection.',
    },
    DELIVERBY: { title: 'Deliver by a deadline', text: 'The client may ask for the message to be delivered within a time limit (BY= on MAIL FROM).' },
    'MT-PRIORITY': { title: 'Message transfer priority', text: 'The client may give the message a transfer priority (MT-PRIORITY= on MAIL FROM).' },
    REQUIRETLS: {
      title: 'Require TLS on every hop',
      text: "The client may require that every server on the message's way uses TLS (REQUIRETLS on MAIL FROM).",
    },
    LIMITS: {
      title: 'Server limits',
      text: 'The server announces its limits, such as the maximum recipients per transaction (RCPTMAX) or transactions per connection (MAILMAX).',
    },
    BURL: {
      title: 'Message by reference (BURL)',
      text: 'During submission, the client can point to a message stored on an IMAP server with a URL instead of sending the content.',
    },
    FUTURERELEASE: { title: 'Future release', text: 'The client may ask the server to hold the message and release it for delivery at a later time.' },
    RRVS: {
      title: 'Require-Recipient-Valid-Since',
      text: 'The client may ask that delivery fail if the recipient mailbox has changed owner since a given date.',
    },
    XCLIENT: {
      title: 'Postfix XCLIENT (non-standard)',
      text: 'The server (Postfix) accepts the XCLIENT command from this client. It is not an RFC extension.',
    },
    XFORWARD: {
      title: 'Postfix XFORWARD (non-standard)',
      text: 'The server (Postfix) accepts the XFORWARD command from this client. It is not an RFC extension.',
    },
  },

  saslMechanisms: {
    PLAIN: {
      title: 'PLAIN',
      text: 'Sends the user name and password together in one base64 string (the parts are separated by zero bytes). Decoding it reveals the password, so it should only be used inside TLS.',
    },
    LOGIN: {
      title: 'LOGIN (obsolete, never standardised)',
      text: "The server asks '334 VXNlcm5hbWU6' ('Username:') and '334 UGFzc3dvcmQ6' ('Password:'), and the client answers each with a base64 line. The password is only encoded, not encrypted; the IANA registry marks LOGIN obsolete in favour of PLAIN.",
    },
    'CRAM-MD5': {
      title: 'CRAM-MD5',
      text: 'The server sends a random challenge and the client answers with its user name and an HMAC-MD5 of the challenge keyed with the password, so the password itself is not sent. It is MD5-based and considered weak today.',
    },
    'DIGEST-MD5': {
      title: 'DIGEST-MD5 (historic)',
      text: 'A challenge-response mechanism based on MD5 digests. RFC 6331 moved it to Historic status because of security and interoperability problems.',
    },
    XOAUTH2: {
      title: 'XOAUTH2 (non-standard)',
      text: "A pre-standard mechanism used by Google and Microsoft to log in with an OAuth 2.0 access token instead of a password; the base64 string contains the user name and the 'Bearer' token.",
    },
    OAUTHBEARER: {
      title: 'OAUTHBEARER',
      text: 'The standard mechanism for logging in with an OAuth 2.0 bearer token. Anyone who captures the token can use it until it expires, so it needs TLS.',
    },
    'SCRAM-SHA-1': {
      title: 'SCRAM-SHA-1',
      text: 'Salted challenge-response: the client proves it knows the password using salted SHA-1 hashes, and the server proves itself to the client too. The password is never sent.',
    },
    'SCRAM-SHA-256': { title: 'SCRAM-SHA-256', text: 'The same salted challenge-response as SCRAM-SHA-1 but with SHA-256; the password is never sent.' },
    GSSAPI: {
      title: 'GSSAPI (Kerberos)',
      text: 'Logs in with Kerberos through GSS-API: the client presents a Kerberos ticket instead of a password. Common inside company networks.',
    },
    NTLM: {
      title: 'NTLM (Microsoft, non-standard)',
      text: "Microsoft's challenge-response login, used e.g. by Exchange: the client answers a challenge with a value computed from the password hash. It is not an IETF standard and is considered weak.",
    },
    EXTERNAL: {
      title: 'EXTERNAL',
      text: "Uses an authentication that already happened outside SASL, typically the client's TLS certificate; no password is sent.",
    },
    ANONYMOUS: { title: 'ANONYMOUS', text: 'Logs in without credentials; the client may send an optional trace string, such as an email address.' },
  },

  pop3Commands: {
    USER: { title: 'User name', text: 'Gives the mailbox user name in plain text; it is followed by PASS. The server answers +OK or -ERR.' },
    PASS: {
      title: 'Password',
      text: 'Sends the password in plain text: anyone who captures an unencrypted POP3 session (port 110) can read it directly in Wireshark.',
    },
    APOP: {
      title: 'Log in with an MD5 digest',
      text: "Logs in without sending the password: the client sends the user name and the MD5 digest of the timestamp from the server's greeting (the part in <...>) followed by the password. MD5 is considered weak today.",
    },
    QUIT: {
      title: 'End the session',
      text: 'Ends the session. After a successful login the server now really deletes the messages marked with DELE, answers +OK and closes the connection.',
    },
    STAT: {
      title: 'Mailbox status',
      text: "Asks for the number of messages and their total size: '+OK 2 320' means 2 messages with 320 bytes (octets) in total.",
    },
    LIST: {
      title: 'List message sizes',
      text: "Without an argument, the server sends a multi-line list of 'number size' lines ended by a line with a single dot; with a message number, it answers one line for that message.",
    },
    RETR: {
      title: 'Retrieve a message',
      text: 'The server sends the whole message, header and body, as a multi-line response ended by a line with a single dot; lines starting with a dot are sent with an extra dot.',
    },
    DELE: {
      title: 'Delete a message',
      text: 'Marks the message for deletion. It is really deleted only when QUIT ends the session; RSET can undo the mark.',
    },
    NOOP: { title: 'No operation', text: 'Does nothing; the server just answers +OK. Used to keep the connection alive.' },
    RSET: { title: 'Reset deletions', text: 'Removes the deletion mark from all messages marked with DELE in this session.' },
    TOP: {
      title: 'Header and first lines',
      text: "'TOP msg n' returns the message's header plus its first n body lines, as a multi-line response ended by a dot line, so a client can preview a message without downloading all of it.",
    },
    UIDL: {
      title: 'Unique ID listing',
      text: 'Gives each message a unique, lasting ID (multi-line when sent without an argument), so the client can remember which messages it has already downloaded.',
    },
    CAPA: {
      title: 'List capabilities',
      text: 'Asks which extensions the server supports; the multi-line reply lists capability names such as TOP, UIDL, SASL and STLS, ended by a dot line.',
    },
    STLS: {
      title: 'Start TLS',
      text: 'Asks to switch the connection to TLS encryption; after +OK the capture shows a TLS handshake and then only encrypted data.',
    },
    AUTH: {
      title: 'SASL authentication',
      text: "Logs in with a SASL mechanism such as AUTH PLAIN. Server challenges start with '+ ' and the client's answers are base64 lines, which are encoded, not encrypted.",
    },
    UTF8: { title: 'Enable UTF-8', text: 'Tells the server that the client supports UTF-8, so user names, passwords and messages may contain UTF-8 text.' },
    LANG: {
      title: 'Choose response language',
      text: "Chooses the language of the server's human-readable response texts; without an argument, the server lists the languages it offers.",
    },
  },

  pop3Indicators: {
    '+OK': {
      title: 'Success',
      text: 'Positive status indicator: the command succeeded. The text after it is mainly for humans, except for the numbers in STAT, LIST and UIDL replies.',
    },
    '-ERR': { title: 'Error', text: 'Negative status indicator: the command failed, e.g. a wrong password or no such message.' },
    '[IN-USE]': {
      title: 'Mailbox in use',
      text: 'The mailbox is locked because another session is using it (e.g. another client checking the same account). Try again later.',
    },
    '[LOGIN-DELAY]': {
      title: 'Login too soon',
      text: 'The user logged in too recently; the server requires a minimum time between logins (see the LOGIN-DELAY capability).',
    },
    '[SYS/TEMP]': { title: 'Temporary system error', text: "A temporary problem on the server's side, not the user's fault. Try again later." },
    '[SYS/PERM]': {
      title: 'Permanent system error',
      text: "A problem on the server's side that will not go away by retrying; an administrator has to fix it.",
    },
    '[AUTH]': {
      title: 'Credentials problem',
      text: "The login failed because of the user's credentials (e.g. a wrong password), not because of a server problem.",
    },
  },

  pop3Capabilities: {
    TOP: { title: 'TOP supported', text: "The server supports the TOP command for reading a message's header and first lines." },
    USER: { title: 'USER/PASS login', text: 'The server supports logging in with USER and PASS.' },
    SASL: { title: 'SASL authentication', text: "The server supports AUTH; the words after SASL list its mechanisms, e.g. 'SASL PLAIN LOGIN'." },
    'RESP-CODES': {
      title: 'Extended response codes',
      text: "Replies may carry a response code in square brackets after +OK or -ERR, e.g. '-ERR [IN-USE]'.",
    },
    'LOGIN-DELAY': {
      title: 'Minimum time between logins',
      text: 'The server limits how often a client may log in; the number is the minimum number of seconds between logins.',
    },
    PIPELINING: { title: 'Command pipelining', text: 'The client may send several commands without waiting for each reply.' },
    EXPIRE: {
      title: 'Message retention',
      text: 'How long the server keeps messages after they have been retrieved: a number of days, or NEVER. 0 means messages are not kept once retrieved.',
    },
    UIDL: { title: 'UIDL supported', text: 'The server supports the UIDL command for unique message IDs.' },
    IMPLEMENTATION: { title: 'Server software', text: 'Free text naming the server software and often its version; it is for information only.' },
    STLS: { title: 'STLS supported', text: 'The server supports STLS to switch the connection to TLS encryption.' },
    'AUTH-RESP-CODE': {
      title: '[AUTH] response code',
      text: "The server adds the [AUTH] response code to login errors that are caused by the user's credentials.",
    },
    UTF8: { title: 'UTF-8 supported', text: 'The server supports the UTF8 command and UTF-8 text.' },
    LANG: { title: 'Response languages', text: 'The server supports the LANG command for choosing the language of its response texts.' },
  },

  mailHeaders: {
    date: { title: 'Date', text: "When the author's program submitted the message, with the time zone, e.g. 'Mon, 3 Mar 2025 10:00:00 +0800'." },
    from: {
      title: 'From (author)',
      text: "The author of the message, as shown to the recipient. It is written by the sender's program and can differ from the envelope sender in MAIL FROM.",
    },
    sender: { title: 'Sender', text: 'The mailbox that actually sent the message when it differs from the author, e.g. a secretary sending for a manager.' },
    'reply-to': { title: 'Reply-To', text: 'The address that replies should go to, instead of the From: address.' },
    to: {
      title: 'To (primary recipients)',
      text: 'The primary recipients as shown in the message. The real delivery addresses are the RCPT TO commands of the envelope.',
    },
    cc: { title: 'Cc (carbon copy)', text: 'Further recipients who receive a copy; every recipient can see this list.' },
    bcc: {
      title: 'Bcc (blind carbon copy)',
      text: 'Recipients hidden from the others. Normally this field is removed before sending, so in SMTP you see these recipients only as RCPT TO commands.',
    },
    'message-id': {
      title: 'Message-ID',
      text: "A worldwide unique identifier of this message, like <1234.abcd@example.com>, created by the sender's program.",
    },
    'in-reply-to': { title: 'In-Reply-To', text: 'The Message-ID of the message this one replies to.' },
    references: { title: 'References', text: 'The Message-IDs of earlier messages in the conversation; mail programs use them to group a thread.' },
    subject: { title: 'Subject', text: "The topic of the message. Non-ASCII text (e.g. Chinese) appears encoded as '=?UTF-8?B?...?='." },
    comments: { title: 'Comments', text: 'Free-text comments about the message.' },
    keywords: { title: 'Keywords', text: 'A comma-separated list of keywords describing the message.' },
    'resent-date': { title: 'Resent-Date', text: 'When the message was re-sent (forwarded unchanged) by someone.' },
    'resent-from': { title: 'Resent-From', text: 'Who re-sent the message.' },
    'resent-sender': { title: 'Resent-Sender', text: 'The mailbox that actually re-sent the message, when it differs from Resent-From.' },
    'resent-to': { title: 'Resent-To', text: 'The recipients the message was re-sent to.' },
    'resent-cc': { title: 'Resent-Cc', text: 'The copy recipients the message was re-sent to.' },
    'resent-bcc': { title: 'Resent-Bcc', text: 'Hidden recipients the message was re-sent to.' },
    'resent-message-id': { title: 'Resent-Message-ID', text: 'A unique identifier for the re-sending.' },
    'return-path': {
      title: 'Return-Path',
      text: 'Added by the final mail server on delivery: the envelope sender from MAIL FROM, where bounces will go.',
    },
    received: {
      title: 'Received (trace)',
      text: 'Each mail server that handles the message adds one Received: field at the top, saying from where, by whom and when. Reading them from bottom to top shows the path the message took.',
    },
    'mime-version': { title: 'MIME-Version', text: 'Says the message uses MIME (attachments, non-ASCII text, HTML); the value is always 1.0.' },
    'content-type': {
      title: 'Content-Type',
      text: "The media type of the content, e.g. 'text/plain; charset=UTF-8', or 'multipart/mixed; boundary=...' for a message with parts.",
    },
    'content-transfer-encoding': {
      title: 'Content-Transfer-Encoding',
      text: 'How the content was encoded to travel as text, e.g. base64 or quoted-printable; decode it to see the original.',
    },
    'content-id': { title: 'Content-ID', text: "A unique identifier of one MIME part, e.g. so that HTML can show an embedded image with 'cid:'." },
    'content-description': { title: 'Content-Description', text: 'A short human-readable description of a MIME part.' },
    'content-disposition': {
      title: 'Content-Disposition',
      text: 'Whether a part should be shown inline or offered as an attachment, usually with its file name (filename=...).',
    },
    'content-language': { title: 'Content-Language', text: "The language of the content, e.g. 'en' or 'zh-CN'." },
    'delivered-to': { title: 'Delivered-To', text: 'Added on delivery: the mailbox address the message was delivered to.' },
    'dkim-signature': {
      title: 'DKIM-Signature',
      text: 'A digital signature by the sending domain over some header fields and the body; the receiver checks it with a public key from DNS to detect forgery or changes.',
    },
    'authentication-results': {
      title: 'Authentication-Results',
      text: "Added by the receiving server: the results of its SPF, DKIM and DMARC checks, e.g. 'spf=pass dkim=pass'.",
    },
    'received-spf': {
      title: 'Received-SPF',
      text: "Added by a receiving server: the result of its SPF check, i.e. whether the sending IP address is allowed to send for the sender's domain.",
    },
    'arc-seal': {
      title: 'ARC-Seal',
      text: 'Part of the Authenticated Received Chain: a signature by a forwarding server (e.g. a mailing list) over the ARC fields.',
    },
    'arc-message-signature': {
      title: 'ARC-Message-Signature',
      text: 'Part of ARC: a DKIM-like signature of the message by a forwarding server, as it saw the message.',
    },
    'arc-authentication-results': {
      title: 'ARC-Authentication-Results',
      text: 'Part of ARC: the authentication results (SPF, DKIM, ...) a forwarding server saw, preserved for later receivers.',
    },
    'list-id': { title: 'List-Id', text: 'Identifies the mailing list the message came through; mail programs use it for filtering.' },
    'list-help': { title: 'List-Help', text: 'Where to get help about the mailing list (a URL or mail address).' },
    'list-unsubscribe': { title: 'List-Unsubscribe', text: 'How to unsubscribe from the mailing list (a mailto: or web address).' },
    'list-subscribe': { title: 'List-Subscribe', text: 'How to subscribe to the mailing list.' },
    'list-post': { title: 'List-Post', text: 'The address for posting to the mailing list.' },
    'list-owner': { title: 'List-Owner', text: 'How to contact the owner of the mailing list.' },
    'list-archive': { title: 'List-Archive', text: "Where the mailing list's archive can be found." },
    'list-unsubscribe-post': {
      title: 'List-Unsubscribe-Post',
      text: 'Signals one-click unsubscribe: the mail program can unsubscribe by sending a web POST request to the List-Unsubscribe URL.',
    },
    'auto-submitted': {
      title: 'Auto-Submitted',
      text: "Marks messages created automatically, e.g. 'auto-replied' for vacation replies, so that other automatic responders do not answer them.",
    },
    'disposition-notification-to': {
      title: 'Disposition-Notification-To',
      text: "Asks the recipient's mail program for a read receipt, sent to this address; the recipient may refuse.",
    },
    importance: {
      title: 'Importance',
      text: "The sender's view of the message's importance: low, normal or high. Defined for X.400 gateways and widely used by Outlook.",
    },
    'x-mailer': { title: 'X-Mailer (non-standard)', text: 'The name and version of the program that composed the message. Not defined by any RFC.' },
    'user-agent': {
      title: 'User-Agent (non-standard in mail)',
      text: 'The name and version of the mail program that wrote the message. Not standardized for mail; it is borrowed from news and HTTP.',
    },
    'x-priority': {
      title: 'X-Priority (non-standard)',
      text: 'A priority from 1 (highest) to 5 (lowest), 3 being normal, set by many mail programs. Not defined by any RFC.',
    },
    'thread-topic': {
      title: 'Thread-Topic (Microsoft)',
      text: "Added by Outlook/Exchange: the conversation topic, usually the subject without 'RE:' or 'FW:'. Not an RFC field.",
    },
    'thread-index': {
      title: 'Thread-Index (Microsoft)',
      text: 'Added by Outlook/Exchange: a base64 value that places the message within a conversation. Not an RFC field.',
    },
    'x-originating-ip': {
      title: 'X-Originating-IP (non-standard)',
      text: 'Added by some webmail services: the IP address of the computer that submitted the message. Not defined by any RFC.',
    },
    'x-original-to': {
      title: 'X-Original-To (Postfix)',
      text: 'Added by Postfix on delivery: the recipient address as originally given, before any alias rewriting.',
    },
    organization: {
      title: 'Organization (non-standard in mail)',
      text: 'The organisation the sender belongs to, as set in the mail program. Defined for Netnews articles (RFC 5536) and widely used in mail, where no RFC defines it.',
    },
    'envelope-to': {
      title: 'Envelope-To (added by Exim)',
      text: 'Added by the Exim mail server on delivery: the envelope recipient address (from RCPT TO) the message was delivered for.',
    },
    'delivery-date': {
      title: 'Delivery-Date (added by Exim)',
      text: 'Added by the Exim mail server on delivery: when the message reached the mailbox.',
    },
    'accept-language': {
      title: 'Accept-Language',
      text: 'The languages the sender prefers for replies and automatic notices, e.g. "zh-CN, en-US"; Outlook and Exchange add it.',
    },
    precedence: {
      title: 'Precedence (non-standard)',
      text: "Values such as 'bulk' or 'list' mark mass mail, so auto-responders can avoid answering it. Widely used but never standardized.",
    },
    'errors-to': {
      title: 'Errors-To (obsolete, non-standard)',
      text: 'An old way to say where error reports should go; today bounces go to the envelope sender (Return-Path).',
    },
    'x-spam-status': {
      title: 'X-Spam-Status (SpamAssassin)',
      text: "Added by the SpamAssassin filter: whether the message was judged spam ('Yes'/'No'), its score, the threshold and the rules that matched.",
    },
    'x-spam-flag': { title: 'X-Spam-Flag (SpamAssassin)', text: "Added by SpamAssassin with the value 'YES' when the message is judged to be spam." },
    'x-spam-score': { title: 'X-Spam-Score', text: 'The spam score computed by a SpamAssassin-based filter; higher means more likely spam.' },
    'x-spam-level': { title: 'X-Spam-Level (SpamAssassin)', text: 'The spam score drawn as a row of asterisks, one per point, so it is easy to filter on.' },
    'x-spam-checker-version': { title: 'X-Spam-Checker-Version (SpamAssassin)', text: 'The SpamAssassin version and host that checked the message.' },
  },

  transferEncodings: {
    '7bit': { title: '7bit', text: 'Plain ASCII text in short lines; no encoding applied. This is the default when the field is missing.' },
    '8bit': { title: '8bit', text: 'Text in short lines that may contain 8-bit bytes (e.g. UTF-8 Chinese); needs a server that offers 8BITMIME.' },
    binary: { title: 'binary', text: 'Any bytes, not divided into lines; can only travel over SMTP with BINARYMIME and BDAT.' },
    'quoted-printable': {
      title: 'quoted-printable',
      text: "Mostly-ASCII text stays readable; other bytes are written as '=' plus two hex digits (e.g. '=E4=BD=A0'), and a '=' at a line end joins lines.",
    },
    base64: {
      title: 'base64',
      text: 'Binary data written with 64 safe characters (A–Z, a–z, 0–9, +, /), 4 characters per 3 bytes; used for attachments and non-ASCII text.',
    },
  },

  mimeTypes: {
    'multipart/mixed': {
      title: 'multipart/mixed',
      text: 'A message made of several independent parts, e.g. text plus attachments, separated by the boundary string.',
    },
    'multipart/alternative': {
      title: 'multipart/alternative',
      text: 'The same content in several formats, usually text/plain and text/html; the mail program shows the last one it can display.',
    },
    'multipart/digest': { title: 'multipart/digest', text: 'A collection of messages, e.g. a mailing-list digest; each part is a message/rfc822 by default.' },
    'multipart/parallel': { title: 'multipart/parallel', text: 'Parts meant to be shown at the same time, in no particular order.' },
    'multipart/related': {
      title: 'multipart/related',
      text: 'Parts that belong together, e.g. an HTML body and the images it shows (referenced via Content-ID).',
    },
    'multipart/signed': { title: 'multipart/signed', text: 'A part plus a digital signature over it (e.g. S/MIME or PGP).' },
    'multipart/encrypted': { title: 'multipart/encrypted', text: 'Encrypted content plus the information needed to decrypt it (e.g. PGP/MIME).' },
    'multipart/report': {
      title: 'multipart/report',
      text: 'A machine-readable report such as a bounce (delivery status notification), with a human-readable part first.',
    },
    'multipart/form-data': { title: 'multipart/form-data', text: 'Web form data, mainly used by HTTP uploads rather than in mail.' },
    'message/rfc822': { title: 'message/rfc822', text: 'A complete email message carried inside another one, e.g. a forwarded message as an attachment.' },
    'message/delivery-status': {
      title: 'message/delivery-status',
      text: 'The machine-readable part of a bounce report, with fields such as Status: 5.1.1 for each recipient.',
    },
    'text/plain': { title: 'text/plain', text: 'Plain text without formatting; the charset parameter names the character encoding (e.g. UTF-8).' },
    'text/html': { title: 'text/html', text: 'A message body written in HTML, with formatting, links and images.' },
    'application/octet-stream': { title: 'application/octet-stream', text: 'Arbitrary binary data, e.g. an attachment whose type is unknown.' },
  },
} satisfies MailTexts;
