import rule from '../../../server/src/engine/rules/missing-limits';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'deploy.resources.limits with memory, cpus and pids',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 256M\n          pids: 100\n',
      kind: 'compose',
    },
    { name: 'service-level mem_limit, cpus and pids_limit', code: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 200\n', kind: 'compose' },
    { name: 'cpu_quota limits CPU too', code: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpu_quota: 50000\n    pids_limit: 200\n', kind: 'compose' },
    {
      name: 'limits inherited through extends',
      code: 'services:\n  base:\n    image: app:1.0\n    mem_limit: 256m\n    pids_limit: 100\n    deploy:\n      resources:\n        limits: {cpus: "1"}\n  worker:\n    extends: base\n    command: work\n    deploy:\n      replicas: 2\n',
      kind: 'compose',
    },
    {
      name: 'limits through merge keys, and extends of a merged base',
      code: 'x-limits: &limits\n  mem_limit: 256m\n  pids_limit: 100\nservices:\n  base:\n    image: app:1.0\n    <<: *limits\n    cpus: 1\n  worker:\n    extends: base\n    command: work\n',
      kind: 'compose',
    },
    { name: 'interpolated values count as set', code: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: ${MEM:-256m}\n    cpus: ${CPUS}\n    pids_limit: 100\n', kind: 'compose' },
  ],
  invalid: [
    {
      name: 'no limits at all: one finding at the service key',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      kind: 'compose',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'warning', message: 'Service "web" has no memory limit (deploy.resources.limits.memory or mem_limit), CPU limit (deploy.resources.limits.cpus or cpus) and process limit (pids_limit)' }],
    },
    {
      name: 'memory and CPU limited but no pids_limit',
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: {cpus: "1", memory: 512M}\n',
      kind: 'compose',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "web" has no process limit (pids_limit):' }],
    },
    {
      name: 'pids_limit -1 and 0 mean unlimited',
      code: 'services:\n  a:\n    image: app:1.0\n    mem_limit: 1g\n    cpus: 1\n    pids_limit: -1\n  b:\n    image: app:1.0\n    mem_limit: 1g\n    cpus: 1\n    pids_limit: 0\n',
      kind: 'compose',
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 4, message: 'pids_limit -1 means unlimited' },
        { line: 7, column: 3, endLine: 7, endColumn: 4, message: 'pids_limit 0 means unlimited' },
      ],
    },
    {
      name: 'reservations are not limits',
      code: 'services:\n  web:\n    image: nginx:1.27\n    pids_limit: 50\n    deploy:\n      resources:\n        reservations: {cpus: "0.25", memory: 128M}\n',
      kind: 'compose',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'has no memory limit (deploy.resources.limits.memory or mem_limit) and CPU limit' }],
    },
    {
      name: 'build-only services and every service of the file',
      code: 'services:\n  api:\n    build: ./api\n    mem_limit: 512m\n    cpus: 1\n  worker:\n    build:\n      context: ./worker\n    mem_limit: 512m\n    cpus: 1\n    pids_limit: 100\n  cache:\n    image: redis:7\n    mem_limit: 128m\n    pids_limit: 100\n',
      kind: 'compose',
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no process limit' },
        { line: 12, column: 3, endLine: 12, endColumn: 8, message: 'Service "cache" has no CPU limit' },
      ],
    },
  ],
});
