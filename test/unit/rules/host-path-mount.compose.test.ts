import rule from '../../../server/src/engine/rules/host-path-mount';
import { ruleTester } from '../../helpers/rule-tester';

const head = 'services:\n  app:\n    image: app:1.0\n    volumes:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'named and anonymous volumes are not host paths (regression: KICS "- /var/lib/backup/data")',
      code: `${head}      - data:/var/lib/data\n      - /var/lib/backup/data\n      - /cache:ro\n      - \${VOLUME:-logs}:/logs\nvolumes:\n  data: {}\n  logs: {}\n`,
      kind: 'compose',
    },
    {
      name: 'long syntax volume and tmpfs mounts',
      code: `${head}      - type: volume\n        source: data\n        target: /data\n      - type: tmpfs\n        target: /tmp\nvolumes:\n  data:\n    driver: local\n`,
      kind: 'compose',
    },
    {
      name: 'a named volume of another driver, and local volumes without o: bind',
      code: `${head}      - nfs:/data\nvolumes:\n  nfs:\n    driver: local\n    driver_opts: {type: nfs, o: "addr=10.0.0.1,rw", device: ":/exports"}\n  plugin:\n    driver: local-persist\n    driver_opts: {mountpoint: /var/data}\n`,
      kind: 'compose',
    },
    { name: 'a variable without default that may name a volume', code: `${head}      - \${DATA_VOLUME}:/data\n`, kind: 'compose' },
  ],
  invalid: [
    {
      name: 'the Docker socket: error, on the whole short-syntax entry',
      code: `${head}      - /var/run/docker.sock:/var/run/docker.sock\n`,
      kind: 'compose',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 50, severity: 'error', message: 'Service "app" bind-mounts the host path /var/run/docker.sock: /var/run/docker.sock is the Docker socket' }],
    },
    {
      name: 'relative, home and plain host paths are warnings',
      code: `${head}      - ./data:/data\n      - "../shared:/shared:ro"\n      - ~/.cache:/root/.cache\n      - /srv/www:/usr/share/nginx/html:ro\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 21, severity: 'warning', message: 'host path ./data' },
        { line: 6, column: 9, endLine: 6, endColumn: 31, severity: 'warning', message: 'host path ../shared' },
        { line: 7, column: 9, endLine: 7, endColumn: 30, severity: 'warning' },
        { line: 8, column: 9, endLine: 8, endColumn: 42, severity: 'warning', message: '/srv/www' },
      ],
    },
    {
      name: 'sensitive host paths are errors, read-only or not',
      code: `${head}      - /:/host:ro\n      - /etc:/host/etc:ro\n      - /proc:/host/proc\n      - /var/lib/docker/volumes:/v\n      - /run:/run\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 19, severity: 'error', message: 'the whole host file system' },
        { line: 6, column: 9, endLine: 6, endColumn: 26, severity: 'error', message: '/etc is a sensitive host directory' },
        { line: 7, column: 9, endLine: 7, endColumn: 25, severity: 'error' },
        { line: 8, column: 9, endLine: 8, endColumn: 35, severity: 'error', message: 'inside the sensitive host directory /var/lib/docker' },
        { line: 9, column: 9, endLine: 9, endColumn: 18, severity: 'error' },
      ],
    },
    {
      name: 'the time zone files read-only are only warnings; writable they are errors',
      code: `${head}      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 41, severity: 'warning' },
        { line: 6, column: 9, endLine: 6, endColumn: 36, severity: 'error' },
      ],
    },
    {
      name: 'long syntax bind mounts, at the source',
      code: `${head}      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n      - type: bind\n        source: ./static\n        target: /static\n        read_only: true\n`,
      kind: 'compose',
      errors: [
        { line: 6, column: 17, endLine: 6, endColumn: 37, severity: 'error' },
        { line: 9, column: 17, endLine: 9, endColumn: 25, severity: 'warning' },
      ],
    },
    {
      name: 'interpolation: defaults are resolved; a variable root is still a host path',
      code: `${head}      - \${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n      - \${HOME}/.ssh:/root/.ssh:ro\n      - $PWD:/src\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 66, severity: 'error', message: 'Docker socket' },
        { line: 6, column: 9, endLine: 6, endColumn: 35, severity: 'warning', message: 'set by a variable' },
        { line: 7, column: 9, endLine: 7, endColumn: 18, severity: 'warning', message: 'host path $PWD' },
      ],
    },
    {
      name: 'Windows paths and the Docker named pipe',
      code: `${head}      - C:\\data:/data\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 22, severity: 'warning' },
        { line: 7, column: 17, endLine: 7, endColumn: 39, severity: 'error', message: 'Docker socket' },
      ],
    },
    {
      name: 'a local named volume with o: bind binds a host path: reported at its device',
      code: 'services:\n  app:\n    image: app:1.0\n    volumes:\n      - backup:/backup\nvolumes:\n  backup:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /var/lib/backup/data\n',
      kind: 'compose',
      errors: [{ line: 12, column: 15, endLine: 12, endColumn: 35, severity: 'warning', message: 'Volume "backup" binds the host path /var/lib/backup/data' }],
    },
    {
      name: 'every service reports its own mounts',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes: ["./html:/usr/share/nginx/html:ro"]\n  agent:\n    image: agent:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      kind: 'compose',
      errors: [
        { line: 4, column: 15, endLine: 4, endColumn: 48, severity: 'warning', message: 'Service "web"' },
        { line: 8, column: 9, endLine: 8, endColumn: 53, severity: 'error', message: 'Service "agent"' },
      ],
    },
  ],
});
