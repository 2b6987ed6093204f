// The part of SaxonJS 2 (which ships no types) that the rule validator uses.
declare module 'saxon-js' {
  /** A node of SaxonJS's own DOM; only handed back to SaxonJS. */
  export type SaxonNode = object;

  export interface TransformOptions {
    /** A compiled stylesheet (SEF), already parsed from JSON. */
    stylesheetInternal?: object;
    /** Base URI for the stylesheet's relative URIs (document()) when the SEF is relocatable. */
    stylesheetBaseURI?: string;
    sourceText?: string;
    destination?: 'serialized' | 'raw' | 'document' | 'application' | 'file' | 'stdout';
    stylesheetParams?: Record<string, string | number | boolean>;
    /** Receives each xsl:message; the default prints it to the console. */
    deliverMessage?: (message: SaxonNode, errorCode: string) => void;
    /** Documents by absolute URI, used for doc()/document() instead of reading them. */
    documentPool?: Record<string, SaxonNode>;
  }

  export interface TransformResult {
    principalResult?: unknown;
  }

  /** Errors thrown by a transformation carry an XPath error code, e.g. `Q{…}XTMM9000`. */
  export interface SaxonError extends Error {
    code?: string;
  }

  const SaxonJS: {
    transform(options: TransformOptions, execution: 'sync'): TransformResult;
    XPath: {
      evaluate(
        expression: string,
        context?: SaxonNode | null,
        options?: { params?: Record<string, string | number | boolean> },
      ): unknown;
    };
    getProcessorInfo(): { productVersion: string };
    /** 0 silences SaxonJS's own console output (e.g. the stack trace after xsl:message terminate). */
    getLogLevel(): number;
    setLogLevel(level: number): void;
  };
  export default SaxonJS;
}
