import rule from '../../../server/src/engine/rules/untrusted-registry';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'Docker Official Images and default trusted registries', code: 'services:\n  web:\n    image: nginx:1.27\n  static:\n    image: gcr.io/distroless/static-debian12:nonroot\n  dotnet:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n', kind: 'compose' },
    { name: 'configured trusted namespace, matched by whole segments', code: 'services:\n  api:\n    image: quay.io/myorg/api:1.0\n', kind: 'compose', config: { trustedRegistries: ['quay.io/myorg/*'] } },
    { name: 'interpolation default resolves to a trusted image', code: 'services:\n  web:\n    image: ${IMAGE:-nginx:1.27}\n', kind: 'compose' },
    { name: 'a variable without default is unknown', code: 'services:\n  web:\n    image: ${REGISTRY}/web:1.0\n', kind: 'compose' },
    { name: 'built images are not pulled', code: 'services:\n  web:\n    build: .\n    image: example/web:1.0\n', kind: 'compose' },
  ],
  invalid: [
    { code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 29, message: 'docker.io/bitnami/redis is not from a trusted registry' }] },
    { name: 'segments, not prefixes: quay.io/myorganisation is not quay.io/myorg', code: 'services:\n  api:\n    image: quay.io/myorganisation/api:1.0\n', kind: 'compose', config: { trustedRegistries: ['quay.io/myorg/*'] }, errors: [{ line: 3, column: 12, endLine: 3, endColumn: 42, fix: 'Trust quay.io/myorganisation/* in .bulkhead.yaml', safe: false }] },
    { name: 'interpolation default', code: 'services:\n  web:\n    image: "${IMAGE:-ghcr.io/acme/web:2}"\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 42, message: 'ghcr.io/acme/web' }] },
    { name: 'extends and merge keys: one place each', code: 'x-m: &m\n  image: ghcr.io/acme/a:1\nservices:\n  base:\n    image: ghcr.io/acme/b:1\n  web:\n    extends: base\n  a:\n    <<: *m\n  b:\n    <<: *m\n', kind: 'compose', errors: [{ line: 2, column: 10, endLine: 2, endColumn: 26 }, { line: 5, column: 12, endLine: 5, endColumn: 28 }] },
  ],
});
