import { describe, expect, it } from 'vitest';
import {
  classifyCdr,
  classifyConsultStatus,
  classifySunatCode,
  isAlreadyRegistered,
  isAlteredDocument,
  isSunatTransientFailure,
  isTicketInProcess,
  isTicketProcessed,
  isTicketProcessedWithErrors,
  isTicketUnknown,
  type SunatCodeClass,
} from './sunat-codes';

describe('classifySunatCode', () => {
  const table: [string, SunatCodeClass][] = [
    ['0', 'accepted'],
    ['00', 'accepted'],
    ['0100', 'exception'],
    ['100', 'exception'],
    ['0109', 'exception'],
    ['0306', 'exception'],
    ['1033', 'exception'],
    ['1999', 'exception'],
    ['2000', 'rejected'],
    ['2017', 'rejected'],
    ['2335', 'rejected'],
    ['2800', 'rejected'],
    ['3999', 'rejected'],
    ['4000', 'observed'],
    ['4252', 'observed'],
    [' 4287 ', 'observed'],
    // Not CDR codes: getStatus/getStatusCdr statuses and faults without a number.
    ['98', 'unknown'],
    ['99', 'unknown'],
    ['0001', 'unknown'],
    ['', 'unknown'],
    ['env:Client', 'unknown'],
    ['soap-env:Client.0109', 'unknown'],
  ];
  it.each(table)('%j → %s', (code, expected) => {
    expect(classifySunatCode(code)).toBe(expected);
  });
});

describe('classifyCdr', () => {
  it('calls code 0 with observation notes observed', () => {
    expect(classifyCdr({ responseCode: '0', notes: [] })).toBe('accepted');
    expect(classifyCdr({ responseCode: '0', notes: [{ code: '4252', message: 'x' }] })).toBe('observed');
    // A note without a code is not an observation.
    expect(classifyCdr({ responseCode: '0', notes: [{ code: '', message: 'x' }] })).toBe('accepted');
    expect(classifyCdr({ responseCode: '2017', notes: [{ code: '4252', message: 'x' }] })).toBe('rejected');
    expect(classifyCdr({ responseCode: '0109', notes: [] })).toBe('exception');
  });
});

describe('special cases', () => {
  const transient: [string, boolean][] = [
    ['0100', true],
    ['0109', true],
    ['109', true],
    ['0130', true],
    ['0131', true],
    ['0138', true],
    ['0200', true],
    ['0102', false],
    ['0111', false],
    ['1033', false],
    ['2335', false],
    ['', false],
  ];
  it.each(transient)('isSunatTransientFailure(%j) = %s', (code, expected) => {
    expect(isSunatTransientFailure(code)).toBe(expected);
  });

  it('names 1033, tickets and altered documents', () => {
    expect(isAlreadyRegistered('1033')).toBe(true);
    expect(isAlreadyRegistered('1032')).toBe(false);
    expect(isTicketUnknown('0127')).toBe(true);
    expect(isTicketUnknown('127')).toBe(true);
    expect(isTicketUnknown('0126')).toBe(false);
    expect(isTicketInProcess('98')).toBe(true);
    expect(isTicketInProcess('0098')).toBe(true);
    expect(isTicketInProcess('99')).toBe(false);
    expect(isTicketProcessed('0')).toBe(true);
    expect(isTicketProcessed('')).toBe(false);
    expect(isTicketProcessedWithErrors('99')).toBe(true);
    expect(isAlteredDocument('2334')).toBe(true);
    expect(isAlteredDocument('2335')).toBe(true);
    expect(isAlteredDocument('2336')).toBe(false);
  });

  it('classifies consult service statuses', () => {
    expect(classifyConsultStatus('0001')).toBe('accepted');
    expect(classifyConsultStatus('0002')).toBe('rejected');
    expect(classifyConsultStatus('0003')).toBe('voided');
    expect(classifyConsultStatus('0011')).toBe('not-found');
    expect(classifyConsultStatus('0009')).toBe('invalid-request');
  });
});
