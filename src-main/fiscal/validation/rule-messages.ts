/**
 * What SUNAT's rule stylesheets say through `xsl:message`, as text (error_utils.xsl):
 * - observation (`addWarning`, not terminating): `{code}{descripcion}: errorCode {code} (nodo: "a/b" valor: "v")`;
 * - rejection (`rejectCall`, terminating): `ERROR: {descripcion}: errorCode {code} (nodo: …)`. The
 *   compiled stylesheets put the code in front (`{code}ERROR: …`), because some templates leave it
 *   out of the text (catalogue property checks); unpatched Saxon-HE output has no such prefix.
 */

export interface RuleMessage {
  /** Four-digit SUNAT code, undefined when the text names none (unpatched catalogue checks). */
  code: string | undefined;
  /** The stylesheet's own text without the code prefix and `ERROR: `, e.g. `INFO: errorCode 2017 (nodo: …)`. */
  text: string;
  /** `cac:PartyIdentification/cbc:ID`: parent and element name, as the stylesheet reports it. */
  node?: string;
  value?: string;
  /** A `terminate="yes"` message: the stylesheet stopped there. */
  terminated: boolean;
}

const PREFIXED = /^(\d{4})(ERROR: )?/;
/** `… errorCode 2017 (nodo: …`, or `INFO : 3462` / `…: 3462 (nodo: …` where the word is missing. */
const CODE_IN_TEXT = /errorCode (\d{4})\b|^[^:]*: (\d{4})(?: \(nodo:|$)/;
const NODE = /\(nodo: "([^"]*)"/;
const VALUE = /valor: "([\s\S]*)"\)\s*$/;

export function parseRuleMessage(raw: string, terminated: boolean): RuleMessage {
  let text = raw.trim();
  let code: string | undefined;
  const prefix = PREFIXED.exec(text);
  if (prefix) {
    code = prefix[1];
    text = text.slice(prefix[0].length);
  } else if (text.startsWith('ERROR: ')) {
    text = text.slice('ERROR: '.length);
  }
  if (code === undefined) {
    const inText = CODE_IN_TEXT.exec(text);
    code = inText?.[1] ?? inText?.[2];
  }
  const message: RuleMessage = { code, text, terminated };
  const node = NODE.exec(text)?.[1];
  if (node !== undefined) message.node = node;
  const value = VALUE.exec(text)?.[1];
  if (value !== undefined) message.value = value;
  return message;
}
