import { fileURLToPath } from 'node:url';
import { signUblXml } from '../src-main/fiscal/signing/sign-xml';
import { buildInvoiceXml } from '../src-main/fiscal/ubl/invoice-xml';
import { RuleValidator } from '../src-main/fiscal/validation/rule-validator';
import { XsdValidators } from '../src-main/fiscal/validation/xsd-validator';
import {
  boletaWithLines,
  FISCAL_ISSUER_OPTIONS,
  fiscalSale,
  fiscalTestCertificate,
  sunatXmlFileName,
} from '../src-main/testing/fiscal-sale-fixtures';
import { elapsedMs, percentile, round, spread } from './stats';
import type { Benchmark } from './types';

const RESOURCES = fileURLToPath(new URL('../resources', import.meta.url));
const WARM_UP = 20;
const DOCUMENTS = 300;
const RULE_RUNS = 100;

/**
 * What the counter waits for after "cobrar", per boleta of 10 lines: the UBL XML built, signed
 * with the store's certificate and checked against SUNAT's schema in process; then, separately,
 * SUNAT's own rule stylesheet on that signed document. Schemas and stylesheets are loaded before
 * timing (the app loads them once at start).
 */
export const fiscalBenchmark: Benchmark = {
  name: 'fiscal documents',
  async run() {
    const sale = fiscalSale(boletaWithLines(10));
    const fileName = sunatXmlFileName(sale);
    const certificate = fiscalTestCertificate();
    const schemas = await XsdValidators.create(RESOURCES);
    const rules = new RuleValidator(RESOURCES);
    rules.preload(['ValidaExprRegBoleta-2.0.1']);
    try {
      const buildSamples: number[] = [];
      let signedXml = '';
      for (let i = 0; i < WARM_UP + DOCUMENTS; i++) {
        const start = process.hrtime.bigint();
        signedXml = signUblXml(buildInvoiceXml(sale, FISCAL_ISSUER_OPTIONS), certificate).signedXml;
        const xsd = schemas.validate('invoice', signedXml);
        if (i >= WARM_UP) buildSamples.push(elapsedMs(start));
        if (!xsd.valid) throw new Error(`the bench boleta fails the XSD: ${JSON.stringify(xsd.errors)}`);
      }
      console.error(`    build+sign+xsd ${spread(buildSamples, 'ms')}`);

      const ruleSamples: number[] = [];
      for (let i = 0; i < WARM_UP + RULE_RUNS; i++) {
        const start = process.hrtime.bigint();
        const run = rules.run('ValidaExprRegBoleta-2.0.1', signedXml, fileName);
        if (i >= WARM_UP) ruleSamples.push(elapsedMs(start));
        if (run.terminated)
          throw new Error(`SUNAT's rules reject the bench boleta: ${run.messages.at(-1)?.text}`);
      }
      console.error(`    rules xslt ${spread(ruleSamples, 'ms')}`);

      return [
        {
          id: 'fiscal.boleta.build_sign_xsd.p99_ms',
          value: round(percentile(buildSamples, 99), 3),
          unit: 'ms',
          target: 30,
          better: 'lower',
        },
        {
          id: 'fiscal.rules_xslt.p99_ms',
          value: round(percentile(ruleSamples, 99), 3),
          unit: 'ms',
          target: 150,
          better: 'lower',
        },
      ];
    } finally {
      schemas.dispose();
    }
  },
};
