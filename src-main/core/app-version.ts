/**
 * The app's version as headquarters sees it. A constant (not package.json read at run time)
 * because the bundled app has no package.json beside it; a test keeps the two equal.
 */
export const APP_VERSION = '0.1.0';
