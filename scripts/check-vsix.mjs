// Checks the packaged extension: the three bundles and the manifest are in it, no node_modules,
// no sources, tests or maps, and it stays small. Usage: node scripts/check-vsix.mjs [bulkhead.vsix]
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { VSIX } from './editors-env.mjs';

const vsix = process.argv[2] ?? VSIX;
const MAX_BYTES = 1024 * 1024;
const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
if (listing.status !== 0) {
  console.error(`check-vsix: cannot list ${vsix}: ${listing.stderr}`);
  process.exit(1);
}
const files = listing.stdout.split('\n').filter(Boolean);
const problems = [];
for (const required of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/readme.md']) {
  if (!files.includes(required)) problems.push(`missing ${required}`);
}
const forbidden = [/\/node_modules\//, /\.map$/, /\.ts$/, /^extension\/(test|scripts|client|server|bench|examples|\.cache|out)\//, /\.vsix$/];
for (const file of files) if (forbidden.some((re) => re.test(file))) problems.push(`should not ship ${file}`);
const size = statSync(vsix).size;
if (size > MAX_BYTES) problems.push(`${vsix} is ${(size / 1024).toFixed(0)} KiB, over ${MAX_BYTES / 1024} KiB`);
if (problems.length > 0) {
  console.error(`check-vsix: ${vsix}\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-vsix: ${vsix} ok (${files.length} files, ${(size / 1024).toFixed(0)} KiB, bundles only)`);
