/**
 * One shared table of hostile inputs, fed to every public function (see test/hostile.test.ts).
 * Each entry is a value a caller might pass where a string or object is expected.
 */

function throwingGetter(): object {
  return Object.defineProperty({}, 'id', {
    enumerable: true,
    get() {
      throw new Error('getter exploded with 0901234567');
    },
  });
}

function proxyTrap(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('trap 0901234567');
      },
      ownKeys() {
        throw new Error('trap keys 0901234567');
      },
    },
  );
}

export const HOSTILE_STRINGS: readonly [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \t\n  '],
  ['1 MB', 'a'.repeat(1_000_000)],
  ['1 MB digits', '0901234567'.repeat(100_000)],
  ['NUL', 'Nguyễn\u0000Văn A'],
  ['lone high surrogate', 'abc\ud800def'],
  ['lone low surrogate', '\udc00'],
  ['RTL override', '\u202eKhai Minh'],
  ['RTL mark', 'Lan\u200f'],
  ['zero-width', 'N\u200bg\u200cu\u200dy\ufeffen'],
  ['combining flood', 'a' + '\u0301'.repeat(50_000)],
  ['CSV formula =', '=cmd|" /C calc"!A0'],
  ['CSV formula +', '+SUM(A1:A2)'],
  ['CSV formula -', '-2+3'],
  ['CSV formula @', '@SUM(1)'],
  ['ZPL injection', '^XZ^XA^FO0,0^FDpwn^FS~JR'],
  ['SVG injection', '</text><script>alert(1)</script><text>'],
  ['XML entities', '&amp; &lt; " \' &#x27;'],
  ['proto key text', '__proto__'],
];

export const HOSTILE_VALUES: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['number', 42],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['bigint', 10n],
  ['boolean', true],
  ['symbol', Symbol('x')],
  ['array', ['0901234567']],
  ['empty object', {}],
  ['string-like object', { toString: () => '0901234567', valueOf: () => '0901234567' }],
  ['String object', new String('0901234567')],
  ['throwing getter', throwingGetter()],
  ['proxy', proxyTrap()],
  ['__proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "id": "X1"}')],
  ['constructor key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "id": "X1"}')],
  ['function', () => '0901234567'],
  ['date', new Date(0)],
  ['Uint8Array', new Uint8Array([48, 57])],
];

/** Every hostile value, strings included. */
export const HOSTILE_ALL: readonly [string, unknown][] = [...HOSTILE_STRINGS, ...HOSTILE_VALUES];
