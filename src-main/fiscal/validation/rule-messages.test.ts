import { describe, expect, it } from 'vitest';
import { parseRuleMessage } from './rule-messages';

describe('parseRuleMessage', () => {
  it('reads an observation: code in front, then the stylesheet text', () => {
    const message = parseRuleMessage(
      '4269Error en la linea: 1: errorCode 4269 (nodo: "cac:SellersItemIdentification/cbc:ID" valor: "ABA-0001")',
      false,
    );
    expect(message).toEqual({
      code: '4269',
      text: 'Error en la linea: 1: errorCode 4269 (nodo: "cac:SellersItemIdentification/cbc:ID" valor: "ABA-0001")',
      node: 'cac:SellersItemIdentification/cbc:ID',
      value: 'ABA-0001',
      terminated: false,
    });
  });

  it('reads a rejection from the compiled stylesheets (code put in front of ERROR:)', () => {
    const message = parseRuleMessage(
      '3206ERROR: : condicion:document(\'../cpe/catalogo/cat_51.xml\')/l/c[@id=\'0112\'] Valor no se encuentra en el catalogo: 51, ID: 0112  (nodo: "cbc:InvoiceTypeCode/listID" propiedad boleta: "1")',
      true,
    );
    expect(message.code).toBe('3206');
    expect(message.text.startsWith(': condicion:')).toBe(true);
    expect(message.node).toBe('cbc:InvoiceTypeCode/listID');
    expect(message.value).toBeUndefined();
    expect(message.terminated).toBe(true);
  });

  it('finds the code in the text of an unpatched rejection', () => {
    expect(
      parseRuleMessage('ERROR: INFO : errorCode 1035 (nodo: "Invoice/cbc:ID" valor: "B001-4")', true),
    ).toMatchObject({
      code: '1035',
      text: 'INFO : errorCode 1035 (nodo: "Invoice/cbc:ID" valor: "B001-4")',
      node: 'Invoice/cbc:ID',
      value: 'B001-4',
    });
    expect(parseRuleMessage('ERROR: INFO : 3462', true).code).toBe('3462');
    expect(parseRuleMessage('ERROR: Error : 2671 (nodo: "x/y" valor: "2026-01-01")', true).code).toBe('2671');
  });

  it('leaves the code undefined when an unpatched text has none', () => {
    const message = parseRuleMessage(
      'ERROR: : condicion:x Valor no se encuentra en el catalogo: 22, ID: 01',
      true,
    );
    expect(message.code).toBeUndefined();
  });

  it('keeps quotes and line breaks inside the value', () => {
    const message = parseRuleMessage(
      '2135INFO: errorCode 2135 (nodo: "a/b" valor: "dijo "hola"\n  adiós")',
      false,
    );
    expect(message.value).toBe('dijo "hola"\n  adiós');
  });
});
