import type { Redactor } from '../secrets.js';
import { decodeNtlm, ntlmSummary, ntlmUser } from './ntlm.js';
import type { SaslRecord } from './records.js';
import type { MailAuth } from './schema.js';

/*
 * SASL exchanges (SMTP AUTH, POP3 AUTH, IMAP AUTHENTICATE) decoded for the explanation:
 * who logged in, how the secret travelled, each step raw and decoded. Every secret is
 * registered with the redactor, so it is masked in every output.
 */

const fromBase64 = (s: string): string | null => {
  const t = s.trim();
  if (t === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  return Buffer.from(t, 'base64').toString('utf8');
};

/** Show control characters (the NULs of AUTH PLAIN, the ^A of XOAUTH2) visibly. */
const visible = (s: string) => s.replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));

/** Decode one SASL exchange: who, what secret and how it travelled. Registers the secret with the redactor. */
export function decodeSasl(sasl: SaslRecord, redactor: Redactor, success: boolean | null, result: string): MailAuth {
  const steps: MailAuth['steps'] = [];
  const responses = sasl.responses;
  let user: string | null = null;
  let secret = '';
  let encoding = 'base64';
  let workstation: string | null = null;
  const mech = sasl.mechanism;
  /** A step decoded: an NTLM message as Wireshark sums it up, else the base64 text with its control characters shown. */
  const ntlm = (text: string) => (mech === 'NTLM' ? decodeNtlm(text) : null);
  for (const c of sasl.challenges) {
    const m = ntlm(c.text);
    steps.push({ side: 'S', frame: c.frame, raw: c.text, decoded: m ? ntlmSummary(m) : fromBase64(c.text) });
  }
  if (mech === 'LOGIN') {
    // 334 VXNlcm5hbWU6 ("Username:"), base64 user; 334 UGFzc3dvcmQ6 ("Password:"), base64 password.
    user = fromBase64(responses[0]?.text ?? '');
    secret = fromBase64(responses[1]?.text ?? '') ?? responses[1]?.text ?? '';
    for (const r of responses.slice(1)) redactor.add(secret, r.text);
  } else if (mech === 'PLAIN') {
    // base64 of authzid NUL authcid NUL password (RFC 4616).
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    const [, authcid = '', password = ''] = decoded.split('\u0000');
    user = authcid || null;
    secret = password;
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else if (mech === 'CRAM-MD5') {
    // base64 of "user hex-digest": the digest is an HMAC-MD5 of the challenge, not the password.
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    const space = decoded.lastIndexOf(' ');
    user = space > 0 ? decoded.slice(0, space) : null;
    secret = space > 0 ? decoded.slice(space + 1) : decoded;
    encoding = 'HMAC-MD5 digest (base64)';
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else if (mech === 'XOAUTH2' || mech === 'OAUTHBEARER') {
    // base64 of "user=…^Aauth=Bearer TOKEN^A^A" (Google's XOAUTH2; RFC 7628 is alike).
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    user = /user=([^\u0001,]*)/.exec(decoded)?.[1] ?? /a=([^,\u0001]*)/.exec(decoded)?.[1] ?? null;
    secret = /auth=Bearer ([^\u0001]*)/.exec(decoded)?.[1] ?? '';
    encoding = 'OAuth 2.0 bearer token (base64)';
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else if (mech === 'NTLM') {
    // NEGOTIATE, the server's CHALLENGE, AUTHENTICATE (MS-NLMP): the user, domain and workstation travel readable;
    // the NT response is the hash that proves the password, a secret. The AUTHENTICATE line holds both, so it is masked whole.
    const auth = responses.map((r) => decodeNtlm(r.text)).find((m) => m?.type === 3);
    if (auth?.type === 3) {
      user = ntlmUser(auth);
      workstation = auth.workstation || null;
      secret = Buffer.from(auth.ntResponse).toString('hex');
    }
    for (const r of responses) if (decodeNtlm(r.text)?.type === 3) redactor.add(secret || r.text, r.text);
    encoding = 'NTLM challenge-response';
  } else {
    // Another mechanism: its responses are secrets as a whole.
    for (const r of responses) redactor.add(r.text);
    secret = responses.map((r) => r.text).join('');
    encoding = `${mech} exchange`;
  }
  responses.forEach((r, i) => {
    const m = ntlm(r.text);
    if (m) return steps.push({ side: 'C', frame: r.frame, raw: r.text, decoded: ntlmSummary(m) });
    const decoded = fromBase64(r.text);
    steps.push({
      side: 'C',
      frame: r.frame,
      raw: r.text,
      decoded: decoded === null ? null : visible(i === 0 && mech === 'LOGIN' ? decoded : redactor.redact(decoded)),
    });
  });
  // Order the steps as they happened: challenge, answer, challenge, answer…
  steps.sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0));
  return {
    mechanism: mech,
    user,
    ...(workstation ? { workstation } : {}),
    encoding,
    secretLength: [...secret].length,
    secret: redactor.shown(secret),
    success,
    result,
    steps,
    stepsUnlisted: sasl.stepsUnlisted,
  };
}
