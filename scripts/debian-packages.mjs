// The Debian packages tests need, found by the command each provides. Shared by
// scripts/test.mjs (which installs them) and anything that wants to check.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
];

function hasCommand(bin) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function missingPackages() {
  return PACKAGES.filter((p) => (p.bin ? !hasCommand(p.bin) : !existsSync(p.file)));
}
