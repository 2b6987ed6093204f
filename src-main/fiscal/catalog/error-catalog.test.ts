import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog, normalizeSunatCode, parseErrorCatalog, sunatMessage } from './error-catalog';

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));

describe('normalizeSunatCode', () => {
  it('writes every usual spelling as four digits', () => {
    expect(normalizeSunatCode('0109')).toBe('0109');
    expect(normalizeSunatCode('109')).toBe('0109');
    expect(normalizeSunatCode(109)).toBe('0109');
    expect(normalizeSunatCode(' 2017 ')).toBe('2017');
    expect(normalizeSunatCode('soap-env:Client.1033')).toBe('1033');
    expect(normalizeSunatCode('env:Client.0306')).toBe('0306');
  });

  it('gives up on text without exactly one number, or beyond four digits', () => {
    expect(normalizeSunatCode('env:Client')).toBeUndefined();
    expect(normalizeSunatCode('')).toBeUndefined();
    expect(normalizeSunatCode('12 and 13')).toBeUndefined();
    expect(normalizeSunatCode('10000')).toBeUndefined();
  });
});

describe('error catalogue (CatalogoErrores.xml)', () => {
  const catalog = loadErrorCatalog(RESOURCES);

  it('holds every code SUNAT publishes', () => {
    expect(catalog.size).toBeGreaterThan(1900);
    expect(loadErrorCatalog(RESOURCES)).toBe(catalog);
  });

  it('answers SUNAT’s message whatever the code spelling', () => {
    const exception =
      'El sistema no puede responder su solicitud. (El servicio de autenticación no está disponible)';
    expect(catalog.message('0109')).toBe(exception);
    expect(catalog.message('109')).toBe(exception);
    expect(catalog.message('soap-env:Client.0109')).toBe(exception);
    expect(catalog.message(4252)).toBe('El dato ingresado como atributo @listName es incorrecto.');
    expect(sunatMessage('2017')).toBe('El numero de documento de identidad del receptor debe ser RUC');
  });

  it('answers undefined for codes it does not know', () => {
    expect(catalog.message('9999')).toBeUndefined();
    expect(catalog.message('env:Client')).toBeUndefined();
  });

  it('decodes entities and folds whitespace', () => {
    const parsed = parseErrorCatalog(
      '<catalogoerrores><error numero="12">A &amp; B\n  C</error></catalogoerrores>',
    );
    expect(parsed.message('0012')).toBe('A & B C');
    expect(() => parseErrorCatalog('<catalogoerrores/>')).toThrow('no <error');
  });
});
