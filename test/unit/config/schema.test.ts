import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_KEYS } from '../../../server/src/config';
import { RULES } from '../../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'bulkhead.schema.json'), 'utf8'));
const catalogue = readFileSync(path.join(ROOT, '..', 'shared', 'design', 'rules.md'), 'utf8');

describe('schemas/bulkhead.schema.json', () => {
  it('has exactly the keys the loader accepts', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
    assert.equal(schema.additionalProperties, false);
  });

  it('lists every registered rule id, and only ids of the catalogue (or layer rules)', () => {
    const ids = Object.keys(schema.properties.rules.properties);
    for (const rule of RULES) assert.ok(ids.includes(rule.id), `schema lacks ${rule.id}`);
    for (const id of ids) assert.ok(catalogue.includes(`\`${id}\``) || RULES.find((r) => r.id === id)?.layer, `${id} is not in rules.md`);
  });

  it('is contributed for .bulkhead.yaml/.yml (Red Hat YAML) and .bulkhead.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.bulkhead.yaml', '.bulkhead.yml'], url: './schemas/bulkhead.schema.json' }]);
    assert.equal(pkg.contributes.jsonValidation[0].url, './schemas/bulkhead.schema.json');
    assert.ok(existsSync(path.join(ROOT, pkg.contributes.yamlValidation[0].url)));
  });
});
