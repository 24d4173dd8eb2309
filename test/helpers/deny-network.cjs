// Test preload (`node --require`): every way Node can open a network connection or resolve a
// name records the attempt in $BULKHEAD_TEST_NETWORK_LOG and throws. Used to prove that the
// language server and the CLI never touch the network.
'use strict';
const fs = require('node:fs');
const log = process.env.BULKHEAD_TEST_NETWORK_LOG;

function deny(what) {
  return function denied() {
    const line = `${what} ${new Error().stack.split('\n').slice(2, 5).join(' | ')}\n`;
    if (log) fs.appendFileSync(log, line);
    throw new Error(`network access denied in tests: ${what}`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = net.createConnection = deny('net.connect');
for (const name of ['node:http', 'node:https']) {
  const mod = require(name);
  mod.request = deny(`${name}.request`);
  mod.get = deny(`${name}.get`);
}
require('node:http2').connect = deny('http2.connect');
require('node:tls').connect = deny('tls.connect');
require('node:dgram').createSocket = deny('dgram.createSocket');
const dns = require('node:dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt']) dns[fn] = deny(`dns.${fn}`);
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt']) dns.promises[fn] = deny(`dns.promises.${fn}`);
globalThis.fetch = deny('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = deny('WebSocket');
if (log) fs.appendFileSync(log, '');
