import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSunatEmulator } from './server';

/**
 * Runs the SUNAT emulator for demos and manual tests:
 *   npx tsx src-main/testing/sunat-emulator/cli.ts --port 8088 [--https --ca-out ca.pem]
 *     [--user MODDATOS --password moddatos] [--pending-polls 2] [--no-schema] [--no-signature]
 * Prints the billService and consult URLs; Ctrl+C stops it.
 */

const USAGE =
  'Uso: tsx src-main/testing/sunat-emulator/cli.ts [--port N] [--https] [--ca-out archivo.pem] ' +
  '[--user U] [--password P] [--pending-polls N] [--no-schema] [--no-signature]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      https: { type: 'boolean', default: false },
      'ca-out': { type: 'string' },
      user: { type: 'string', default: 'MODDATOS' },
      password: { type: 'string', default: 'moddatos' },
      'pending-polls': { type: 'string', default: '0' },
      'no-schema': { type: 'boolean', default: false },
      'no-signature': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const pendingPolls = Number(values['pending-polls']);
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65_535 ||
    !Number.isInteger(pendingPolls) ||
    pendingPolls < 0
  ) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }

  const emulator = await startSunatEmulator({
    port,
    https: values.https,
    credentials: { solUser: values.user, solPassword: values.password },
    defaultPendingPolls: pendingPolls,
    validateSchema: !values['no-schema'],
    verifySignature: !values['no-signature'],
  });
  console.log(`Emulador SUNAT escuchando`);
  console.log(`  billService:        ${emulator.url}`);
  console.log(`  billConsultService: ${emulator.consultUrl}`);
  console.log(`  usuario SOL:        <RUC>${values.user} / ${values.password}`);
  if (emulator.ca) {
    if (values['ca-out']) {
      writeFileSync(values['ca-out'], emulator.ca);
      console.log(`  certificado (CA):   ${values['ca-out']}`);
    } else {
      console.log(emulator.ca);
    }
  }

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
