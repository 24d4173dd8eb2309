import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../server/src/engine';

/** Every prefix of a file full of tricky constructs is a half-typed document: no rule may throw. */
const TRICKY = `# escape=\\
ARG BASE=debian:12
FROM \${BASE} AS build
RUN --mount=type=cache,target=/var/lib/apt set -eux; \\
    # comment inside a continuation
    apt-get update && apt-get install -y --no-install-recommends "curl" 'git' \\
    && curl -fsSLk https://x.example/i.sh | sudo -E bash -s -- --yes \\
    && sh -c "$(wget -qO- https://x.example/y)" ; bash <(curl u) \\
    && chmod u+s,g+s /bin/x && echo "sudo \\"quoted\\" | sh" # trailing
RUN ["sh", "-c", "npm config set strict-ssl false && git -c http.sslVerify=false clone u"]
RUN <<EOF bash
pip install flask
EOF
ONBUILD RUN apk add --allow-untrusted https://x/p.apk
ONBUILD ADD http://x.example/a /a
ADD --chown=1 ["a.txt", "/a"]
ENV NODE_TLS_REJECT_UNAUTHORIZED=0 GIT_SSL_NO_VERIFY="1"
FROM build
EXPOSE 22/tcp
CMD ["/usr/sbin/sshd", "-D"]
`;

it('analyses every prefix of a tricky Dockerfile without a rule throwing', () => {
  for (let end = 0; end <= TRICKY.length; end++) {
    const result = analyze(TRICKY.slice(0, end), { kind: 'dockerfile' });
    assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], `prefix of ${end} characters`);
  }
  const rules = new Set(analyze(TRICKY, { kind: 'dockerfile' }).findings.map((f) => f.ruleId));
  for (const id of ['sudo', 'setuid-bits', 'curl-pipe-shell', 'insecure-transport', 'add-remote-url', 'add-instead-of-copy', 'ssh-server', 'package-hygiene']) assert.ok(rules.has(id), id);
});
