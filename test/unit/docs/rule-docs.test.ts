import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES, ruleDocsUrl, type FileKind } from '../../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const catalogue = readFileSync(path.join(ROOT, '..', 'shared', 'design', 'rules.md'), 'utf8');
const KIND_HEADINGS: Record<FileKind, string> = { dockerfile: '### Dockerfile', compose: '### Compose', kubernetes: '### Kubernetes' };
const SECTIONS = ['## What it flags', '## Why it matters', '## Examples', '## How to fix', '## Suppressing it', '## Peer ids'];

describe('docs/rules: one page per rule', () => {
  for (const rule of RULES) {
    it(`${rule.id} has a complete page, with examples for every file kind it checks`, () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
      const page = readFileSync(file, 'utf8');
      assert.ok(page.startsWith(`# \`${rule.id}\``), 'the title names the rule id');
      for (const section of SECTIONS) assert.ok(page.includes(`\n${section}\n`), `missing "${section}"`);
      for (const kind of rule.kinds) assert.ok(page.includes(`\n${KIND_HEADINGS[kind]}\n`), `no ${kind} example`);
      assert.ok(page.includes(`bulkhead-disable-next-line ${rule.id}`), 'shows how to suppress it');
      assert.ok(ruleDocsUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`), 'diagnostics link to this page');
    });
  }

  it("every page's id is a rule of rules.md (or a layer rule)", () => {
    for (const name of readdirSync(DOCS)) {
      const id = name.replace(/\.md$/, '');
      const rule = RULES.find((r) => r.id === id);
      assert.ok(catalogue.includes(`| \`${id}\` |`) || rule?.layer, `${name}: "${id}" is not an id of rules.md`);
    }
  });
});
