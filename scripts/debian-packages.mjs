// The Debian packages tests need, found by the command (`bin`), the file (`file`) or,
// when neither is fixed, a `check` function each provides. Shared by scripts/test.mjs
// (which installs them) and anything that wants to check.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

// Debian installs PostgreSQL under a versioned folder and keeps it off PATH.
function hasPostgresServer() {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

export const PACKAGES = [
  { pkg: 'chromium', bin: 'chromium', why: 'Playwright drives the real UI in Debian Chromium' },
  {
    pkg: 'fonts-dejavu-core',
    file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    why: 'readable screenshots',
  },
  { pkg: 'xmlsec1', bin: 'xmlsec1', why: 'independent check of XML signatures' },
  { pkg: 'libxml2-utils', bin: 'xmllint', why: 'independent XSD validation' },
  { pkg: 'socat', bin: 'socat', why: 'pseudo-terminal pairs stand in for serial scanners' },
  {
    pkg: 'cups',
    file: '/usr/lib/cups/backend/socket',
    why: 'a private CUPS spooler carries receipts to the capture printer (the OS-printer path)',
  },
  { pkg: 'default-jre-headless', bin: 'java', why: 'runs Saxon-HE' },
  {
    pkg: 'libsaxonhe-java',
    file: '/usr/share/java/Saxon-HE.jar',
    why: "Saxon-HE referees SUNAT's rule XSLs against the in-app SaxonJS run",
  },
  {
    pkg: 'postgresql',
    check: hasPostgresServer,
    why: 'PostgreSQL server for the headquarters tests and the sync benchmark',
  },
];

function hasCommand(bin) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function isPresent(p) {
  if (p.check) return p.check();
  return p.bin ? hasCommand(p.bin) : existsSync(p.file);
}

export function missingPackages() {
  return PACKAGES.filter((p) => !isPresent(p));
}
