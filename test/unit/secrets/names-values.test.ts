import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySecretValue, nameSegments, nameSensitivity, redact } from '../../../server/src/engine/secrets';
import { credentialFileKind, filesSelectedBy, globSelectsCredentials } from '../../../server/src/engine/secrets/credential-files';

describe('secrets: sensitive names by segment', () => {
  it('splits every spelling into segments', () => {
    assert.deepEqual(nameSegments('dbPassword'), ['db', 'password']);
    assert.deepEqual(nameSegments('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameSegments('db.password'), ['db', 'password']);
    assert.deepEqual(nameSegments('AWSSecretKey'), ['aws', 'secret', 'key']);
  });
  it('names that hold credentials', () => {
    for (const name of ['PASSWORD', 'DB_PASSWD', 'MYSQL_PWD', 'client_secret', 'GITHUB_TOKEN', 'API_KEY', 'apiKey', 'APIKEY', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'GOOGLE_CREDENTIALS', 'SECRET_KEY_BASE', 'signing-key']) {
      assert.equal(nameSensitivity(name), 'strong', name);
    }
    assert.equal(nameSensitivity('AUTH'), 'weak');
    assert.equal(nameSensitivity('BASIC_AUTH'), 'weak');
  });
  it('names about a credential, or merely containing the letters, are not', () => {
    for (const name of ['TOKEN_URL', 'PASSWORD_FILE', 'SECRET_NAME', 'AUTH_ENABLED', 'TOKEN_TTL', 'PASSWORDLESS', 'TOKENIZER', 'CACHE_KEY', 'GPG_KEY', 'AWS_ACCESS_KEY_ID', 'PASSWORD_MIN_LENGTH', 'openssh-client', 'KEYCLOAK_URL']) {
      assert.equal(nameSensitivity(name), undefined, name);
    }
  });
});

describe('secrets: value classes', () => {
  const kind = (v: string) => classifySecretValue(v).kind;
  it('references, paths, empties, booleans and numbers', () => {
    assert.equal(kind('${TOKEN}'), 'reference');
    assert.equal(kind('$TOKEN'), 'reference');
    assert.equal(kind('$(TOKEN)'), 'reference');
    assert.equal(kind('${{ secrets.TOKEN }}'), 'reference');
    assert.equal(kind('{{ .Values.token }}'), 'reference');
    assert.equal(kind('arn:aws:secretsmanager:eu-west-1:123456789012:secret:db'), 'reference');
    assert.equal(kind('/run/secrets/db'), 'path');
    assert.equal(kind(''), 'empty');
    assert.equal(kind('true'), 'boolean');
    assert.equal(kind('5432'), 'number');
  });
  it('placeholders are not reported, weak defaults are (as warnings)', () => {
    for (const v of ['<password>', 'xxx', '****', 'your-api-key-here', 'REPLACE_ME', 'GITHUB_TOKEN', '...']) assert.equal(kind(v), 'placeholder', v);
    for (const v of ['changeme', 'example', 'password123', 'postgres', 'admin', 'Passw0rd', 'secret!', 'postgres_password', '123456', 'mypassword', 'mysecretpassword', 'mypass']) assert.equal(kind(v), 'weak', v);
  });
  it('weak names need a random-looking value', () => {
    assert.equal(classifySecretValue('ldap', { requireRandom: true }).kind, 'low-entropy');
    assert.equal(classifySecretValue('q8ZrT2mLx0vB7nKd', { requireRandom: true }).kind, 'secret');
  });
});

describe('secrets: redaction', () => {
  it('shows at most four leading characters (a quarter of short values) and the length', () => {
    assert.equal(redact(['gh', 'p_'].join('') + 'aB3dE5fG7h'.repeat(3) + 'J9kL1m'), 'ghp_… (40 chars)');
    assert.equal(redact('hunter2!'), 'hu… (8 chars)');
    assert.equal(redact('abc'), '… (3 chars)');
  });
});

describe('secrets: credential files and what COPY sources select', () => {
  it('names', () => {
    for (const f of ['id_rsa', '.ssh/config', 'deploy/server.key', 'tls.pem', '.env', '.env.production', '.npmrc', '.netrc', '.aws/credentials', 'credentials.json', '.git-credentials']) assert.ok(credentialFileKind(f), f);
    for (const f of ['id_rsa.pub', '.env.example', 'ca.pem', 'fullchain.pem', 'package.json', 'keys.js', 'ssh_config']) assert.equal(credentialFileKind(f), undefined, f);
  });
  it('sources', () => {
    const files = ['a.js', '.env', 'src/x.ts', 'keys/id_rsa', 'keys/id_rsa.pub'];
    assert.deepEqual(filesSelectedBy('.', files), files);
    assert.deepEqual(filesSelectedBy('./keys/', files), ['keys/id_rsa', 'keys/id_rsa.pub']);
    assert.deepEqual(filesSelectedBy('keys/id_*', files), ['keys/id_rsa', 'keys/id_rsa.pub']);
    assert.deepEqual(filesSelectedBy('**/*.ts', files), ['src/x.ts']);
    assert.equal(globSelectsCredentials('*.pem'), 'server.pem');
    assert.equal(globSelectsCredentials('*.json'), undefined);
    assert.equal(globSelectsCredentials('*'), undefined);
  });
});
