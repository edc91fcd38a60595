import { httpSlice } from './http/index.js';
import { imapSlice } from './imap/index.js';
import { pop3Slice } from './pop3/index.js';
import type { ProtocolSlice } from './slice.js';
import { smtpSlice } from './smtp/index.js';
import { quicSlice } from './quic/index.js';
import { tlsSlice } from './tls/index.js';

/**
 * The protocols labreport dissects, one slice each (see slice.ts). Adding a protocol:
 * a folder under protocols/ whose index exports its slice, and one line here. The
 * pipeline, the model, the report and the class summary all loop over this list.
 */
export const SLICES = [httpSlice, smtpSlice, pop3Slice, imapSlice, tlsSlice, quicSlice] as const;

export type Slices = typeof SLICES;
export type SliceName = Slices[number]['name'];

/** Each slice's part of the model, by name: { http: Http, smtp: Smtp, … }. */
export type SliceModels = { [S in Slices[number] as S['name']]: S extends ProtocolSlice<string, infer _R, infer M> ? M : never };
/** Each slice's records, by name. */
export type SliceRecords = { [S in Slices[number] as S['name']]: S extends ProtocolSlice<string, infer R, infer _M> ? R : never };
