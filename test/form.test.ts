import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { formKind, maskFragmentAfterGap, piecesBetweenHoles, readForm } from '../src/protocols/http/form.js';
import { parseMediaType } from '../src/protocols/http/media.js';
import { MASK } from '../src/protocols/secrets.js';

/* The form readers on damaged bodies: what is there is read, what a gap cut into is left out or masked. */

const decode = (b: Uint8Array, charset: string | null) => new TextDecoder(charset ?? 'utf-8').decode(b);
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('formKind', () => {
  it('follows Content-Type, and without one sniffs urlencoded fields and JSON', () => {
    expect(formKind(parseMediaType('application/x-www-form-urlencoded; charset=utf-8'), '', false)).toBe('urlencoded');
    expect(formKind(parseMediaType('multipart/form-data; boundary=b'), '', false)).toBe('multipart');
    expect(formKind(parseMediaType('application/vnd.api+json'), '', false)).toBe('json');
    expect(formKind(parseMediaType('text/plain'), 'a=1&b=2', false)).toBeNull(); // a stated type is believed
    expect(formKind(null, 'user=ann&password=x%21&flag', false)).toBe('urlencoded');
    expect(formKind(null, '  {"password": 1}', false)).toBe('json');
    expect(formKind(null, 'hello world, a=1', false)).toBeNull();
    expect(formKind(null, 'user=ann&note=cut here', true)).toBe('urlencoded'); // the field the front ends in is not judged
  });
});

describe('readForm', () => {
  it('reads each side of a gap, leaving out the field the gap cut into', async () => {
    const body = bytes('user=ann&pa' + 'ame-Secret&x=1&pass');
    const pieces = piecesBetweenHoles(body, [11]);
    expect(pieces.map((p) => Buffer.from(p).toString())).toEqual(['user=ann&pa', 'ame-Secret&x=1&pass']);
    const form = await readForm('urlencoded', pieces, false, undefined, null, DEFAULT_LIMITS, decode);
    expect(form!.fields).toEqual([
      { name: 'user', value: 'ann' },
      { name: 'pa', value: '' },
      { name: 'x', value: '1' },
      { name: 'pass', value: '' },
    ]);
  });

  it('reads a cut multipart body by hand: whole parts, the part it ends in, not a part whose headers were cut', async () => {
    const type = 'multipart/form-data; boundary=b';
    const whole =
      '--b\r\nContent-Disposition: form-data; name="user"\r\n\r\nann\r\n--b\r\nContent-Disposition: form-data; name="password"\r\n\r\nsecret\r\n--b--\r\n';
    const cut = bytes(whole.slice(0, whole.indexOf('secret') + 3));
    const form = await readForm('multipart', [cut], false, type, null, DEFAULT_LIMITS, decode);
    expect(form!.fields).toEqual([
      { name: 'user', value: 'ann' },
      { name: 'password', value: 'sec' },
    ]);
    const inHeaders = bytes(whole.slice(0, whole.indexOf('name="password"')));
    expect((await readForm('multipart', [inHeaders], false, type, null, DEFAULT_LIMITS, decode))!.fields.map((f) => f.name)).toEqual(['user']);
    // After a gap, the bytes before the first boundary belong to a part whose name was lost.
    const after = bytes(`cret\r\n--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n`);
    const both = await readForm('multipart', [cut, after], false, type, null, DEFAULT_LIMITS, decode);
    expect(both!.fields.map((f) => [f.name, f.value, f.filename ?? null])).toEqual([
      ['user', 'ann', null],
      ['password', 'sec', null],
      ['f', 'hi', 'a.txt'],
    ]);
    // A whole body still goes through undici, as before.
    expect((await readForm('multipart', [bytes(whole)], true, type, null, DEFAULT_LIMITS, decode))!.fields).toEqual([
      { name: 'user', value: 'ann' },
      { name: 'password', value: 'secret' },
    ]);
  });

  it('counts fields past maxFormFields on every side of a gap', async () => {
    const limits = { ...DEFAULT_LIMITS, maxFormFields: 2 };
    const form = await readForm('urlencoded', [bytes('a=1&b=2&c'), bytes('3&d=4&e=5')], false, undefined, null, limits, decode);
    expect(form).toEqual({
      fields: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
      unlisted: 3,
    });
  });
});

describe('maskFragmentAfterGap', () => {
  it('masks the start of a piece up to the end of the field it is in', () => {
    expect(maskFragmentAfterGap('ret-99&x=1', 'urlencoded')).toBe(`${MASK}&x=1`);
    expect(maskFragmentAfterGap('word": "s3cret", "n": 1}', 'json')).toBe(`${MASK}, "n": 1}`);
    expect(maskFragmentAfterGap('&x=1', 'urlencoded')).toBe('&x=1');
    expect(maskFragmentAfterGap('tail', 'urlencoded')).toBe(MASK);
  });
});
