// What a secretary reads when the server cannot be reached or its address is unsafe: words she can
// act on, not the network library's codes.
import { describe, expect, test } from 'vitest';
import { networkCause, unreachableError } from './server-session';
import { secureServerUrl } from './server-url';

const failed = (code: string): Error => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('why the server cannot be reached', () => {
  test('each common cause in words, in Danish and English', () => {
    expect(networkCause(failed('ECONNREFUSED'))).toEqual({ en: 'nothing answers at that address', da: 'intet svarer på adressen' });
    expect(networkCause(failed('ENOTFOUND')).da).toBe('navnet kendes ikke');
    expect(networkCause(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).da).toBe('intet svar i tide');
    expect(networkCause(failed('UND_ERR_SOCKET')).da).toBe('forbindelsen blev afbrudt');
    expect(networkCause(failed('EHOSTUNREACH')).da).toBe('netværket når den ikke');
    expect(networkCause(failed('DEPTH_ZERO_SELF_SIGNED_CERT')).da).toBe('dens certifikat kan ikke godkendes: DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(unreachableError('https://referent.kommune.dk', failed('ENOTFOUND')).da).toBe(
      'Serveren https://referent.kommune.dk kan ikke nås (navnet kendes ikke). Kontrollér adressen og netværket, og prøv igen.',
    );
  });
});

describe('the address the password goes to', () => {
  test('https anywhere, plain http only on this machine', () => {
    expect(secureServerUrl('https://referent.kommune.dk/')).toBe('https://referent.kommune.dk');
    expect(secureServerUrl('http://127.0.0.1:47320')).toBe('http://127.0.0.1:47320');
    expect(secureServerUrl('http://localhost:47320')).toBe('http://localhost:47320');
    expect(() => secureServerUrl('http://referent.kommune.local')).toThrow(
      'http://referent.kommune.local is not encrypted (http): the password would cross the network in clear. Use the server\'s https address (for example https://referent.kommune.local).',
    );
  });
});
