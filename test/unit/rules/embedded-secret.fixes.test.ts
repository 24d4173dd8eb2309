import rule from '../../../server/src/engine/rules/embedded-secret';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
// Never part of fix-all (safe: false): the variable or the Secret must exist first.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s multi-document, non-indented sequences: Secret named after the workload, key lowercased; comment kept; value as the item's first key; the ConfigMap untouched",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: fast\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: Billing_API\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: billing:1.4\n        env:\n        - name: LOG_LEVEL\n          value: info\n        - name: DB_PASSWORD\n          value: \"Tr0ub4dor&3xq9\" # rotate me\n        - value: sk_live_4eC39HqLyjWDarjtT1zdp7dc\n          name: STRIPE_API_KEY\n",
      errors: [
        { line: 22, column: 18, endLine: 22, endColumn: 34, fix: "Read DB_PASSWORD from the Secret billing-api-secrets (valueFrom.secretKeyRef)", safe: false },
        { line: 23, column: 18, endLine: 23, endColumn: 50, fix: "Read STRIPE_API_KEY from the Secret billing-api-secrets (valueFrom.secretKeyRef)", safe: false },
      ],
      output: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: fast\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: Billing_API\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: billing:1.4\n        env:\n        - name: LOG_LEVEL\n          value: info\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: billing-api-secrets\n              key: db_password # rotate me\n        - valueFrom:\n            secretKeyRef:\n              name: billing-api-secrets\n              key: stripe_api_key\n          name: STRIPE_API_KEY\n",
    },
    {
      name: "k8s 4 spaces and CRLF line breaks",
      kind: 'kubernetes',
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    containers:\r\n        - name: app\r\n          image: nginx:1.27\r\n          env:\r\n              - name: API_TOKEN\r\n                value: Zq8vN3xL0pR7tY2wK5mB\r\n",
      errors: [
        { line: 11, column: 24, endLine: 11, endColumn: 44, fix: "Read API_TOKEN from the Secret p-secrets (valueFrom.secretKeyRef)", safe: false },
      ],
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    containers:\r\n        - name: app\r\n          image: nginx:1.27\r\n          env:\r\n              - name: API_TOKEN\r\n                valueFrom:\r\n                    secretKeyRef:\r\n                        name: p-secrets\r\n                        key: api_token\r\n",
    },
    {
      name: "k8s block scalar replaced up to its line break; a flow env item gets no fix",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: TLS_PRIVATE_KEY\n          value: |\n            -----BEGIN PRIVATE KEY-----\n            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n            -----END PRIVATE KEY-----\n        - {name: ADMIN_PASSWORD, value: Xk29vLq8Zp}\n",
      errors: [
        { line: 12, column: 13, endLine: 14, endColumn: 38, fix: "Read TLS_PRIVATE_KEY from the Secret p-secrets (valueFrom.secretKeyRef)", safe: false },
        { line: 15, column: 41, endLine: 15, endColumn: 51, fix: null },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: TLS_PRIVATE_KEY\n          valueFrom:\n            secretKeyRef:\n              name: p-secrets\n              key: tls_private_key\n        - {name: ADMIN_PASSWORD, value: Xk29vLq8Zp}\n",
    },
    {
      name: "compose map and list forms, quotes and comment kept; flow collections quoted",
      kind: 'compose',
      code: "services:\n  api:\n    image: api:2.1\n    environment:\n      DB_PASSWORD: \"Tr0ub4dor&3xq9\"   # rotate\n      API_TOKEN: Zq8vN3xL0pR7tY2wK5mB\n      LOG_LEVEL: info\n  worker:\n    image: worker:2.1\n    environment:\n      - SECRET_KEY=Xk29vLq8Zp7Rt\n    build:\n      context: .\n      args: [NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789]\n  cache:\n    image: redis:7\n    environment: {REDIS_PASSWORD: 'Qm4rT8vZ2kLp'}\n",
      errors: [
        { line: 5, column: 20, endLine: 5, endColumn: 36, fix: "Read DB_PASSWORD from the environment (${DB_PASSWORD})", safe: false },
        { line: 6, column: 18, endLine: 6, endColumn: 38, fix: "Read API_TOKEN from the environment (${API_TOKEN})", safe: false },
        { line: 11, column: 20, endLine: 11, endColumn: 33, fix: "Read SECRET_KEY from the environment (${SECRET_KEY})", safe: false },
        { line: 14, column: 24, endLine: 14, endColumn: 64, fix: "Read NPM_TOKEN from the environment (${NPM_TOKEN})", safe: false },
        { line: 17, column: 35, endLine: 17, endColumn: 49, fix: "Read REDIS_PASSWORD from the environment (${REDIS_PASSWORD})", safe: false },
      ],
      output: "services:\n  api:\n    image: api:2.1\n    environment:\n      DB_PASSWORD: \"${DB_PASSWORD}\"   # rotate\n      API_TOKEN: ${API_TOKEN}\n      LOG_LEVEL: info\n  worker:\n    image: worker:2.1\n    environment:\n      - SECRET_KEY=${SECRET_KEY}\n    build:\n      context: .\n      args: [\"NPM_TOKEN=${NPM_TOKEN}\"]\n  cache:\n    image: redis:7\n    environment: {REDIS_PASSWORD: '${REDIS_PASSWORD}'}\n",
    },
  ],
});
