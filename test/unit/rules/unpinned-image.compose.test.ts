import rule from '../../../server/src/engine/rules/unpinned-image';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres@sha256:0f9a8e1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\n', kind: 'compose' },
    { name: 'interpolation default with a tag', code: 'services:\n  web:\n    image: ${IMAGE:-nginx:1.27}\n', kind: 'compose' },
    { name: 'a variable without default is unknown', code: 'services:\n  web:\n    image: ${IMAGE}\n  api:\n    image: registry.example.com/api:${TAG}\n', kind: 'compose' },
    { name: 'with build, image names what Compose builds (regression: awesome-compose)', code: 'services:\n  web:\n    build: .\n    image: myapp\n  api:\n    build:\n      context: api\n    image: example/api:latest\n', kind: 'compose' },
    { name: 'build inherited through extends', code: 'services:\n  base:\n    build: .\n  web:\n    extends: base\n    image: myapp\n', kind: 'compose' },
  ],
  invalid: [
    { name: 'no tag', code: 'services:\n  web:\n    image: nginx\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 17, message: 'Image nginx has no tag' }] },
    { name: 'latest: points at the tag', code: 'services:\n  web:\n    image: "redis:latest"\n', kind: 'compose', errors: [{ line: 3, column: 19, endLine: 3, endColumn: 25, message: 'every deploy can pull' }] },
    { name: 'interpolation default without a tag', code: 'services:\n  web:\n    image: ${IMAGE:-nginx}\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 27, message: 'Image nginx' }] },
    { name: 'interpolation default latest: the whole value', code: 'services:\n  web:\n    image: "${IMAGE:-nginx:latest}"\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 36 }] },
    { name: 'extends: once, at the base', code: 'services:\n  base:\n    image: redis\n  cache:\n    extends: base\n', kind: 'compose', errors: [{ line: 3, column: 12, endLine: 3, endColumn: 17 }] },
    { name: 'merge key from an x- anchor', code: 'x-img: &img\n  image: busybox:latest\nservices:\n  a:\n    <<: *img\n  b:\n    <<: *img\n', kind: 'compose', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 24 }] },
  ],
});
