// Verifies a Sigstore bundle offline with Sigstore's own JavaScript verifier, given only a
// TrustedRoot document: no transparency log or SCT is required (this control plane runs neither),
// one RFC 3161 timestamp is. Usage: node verify.cjs TRUSTED_ROOT.json BUNDLE.json
// Prints "verified" (exit 0) or "<error code>: <message>" on stderr (exit 1).
'use strict';
const { readFileSync } = require('node:fs');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

const [rootFile, bundleFile] = process.argv.slice(2);
try {
  const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(rootFile, 'utf8')));
  const bundle = bundleFromJSON(JSON.parse(readFileSync(bundleFile, 'utf8')));
  const verifier = new Verifier(toTrustMaterial(root), {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 1,
  });
  verifier.verify(toSignedEntity(bundle));
  console.log('verified');
} catch (e) {
  console.error(`${e.code ?? e.name}: ${e.message}`);
  process.exit(1);
}
