import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPackageInstall, hasOption, packageName } from '../../../server/src/engine/dockerfile/packages';
import { parseShell } from '../../../server/src/engine/dockerfile/shell';

function install(text: string) {
  const result = findPackageInstall(parseShell(text, 0, text.length)[0]);
  if (!result) return null;
  return { manager: result.manager, program: result.program.value, verb: result.verb.value, options: result.options.map((o) => o.value), packages: result.packages.map((p) => p.value) };
}

describe('findPackageInstall', () => {
  it('reads apt-get with global options and option values', () => {
    assert.deepEqual(install('DEBIAN_FRONTEND=noninteractive apt-get -o APT::Install-Recommends=false -y install --no-install-recommends -t bookworm-backports curl "git=1:2.39*"'), {
      manager: 'apt',
      program: 'apt-get',
      verb: 'install',
      options: ['-o', 'APT::Install-Recommends=false', '-y', '--no-install-recommends', '-t', 'bookworm-backports'],
      packages: ['curl', 'git=1:2.39*'],
    });
  });
  it('reads apk, yum, dnf, microdnf, zypper', () => {
    assert.deepEqual(install('apk --no-cache add --virtual .deps gcc')?.packages, ['gcc']);
    assert.deepEqual(install('yum install -y --setopt=tsflags=nodocs httpd')?.packages, ['httpd']);
    assert.equal(install('microdnf install -y nginx')?.manager, 'dnf');
    assert.deepEqual(install('zypper --non-interactive in -y vim')?.packages, ['vim']);
  });
  it('reads pip, pip3.12 and python -m pip, with -r files as options', () => {
    assert.deepEqual(install('pip3.12 install --no-cache-dir -r requirements.txt flask==3.0')?.packages, ['flask==3.0']);
    assert.deepEqual(install('python3 -m pip install -U pip')?.program, 'pip');
    assert.equal(install('sudo /usr/bin/pip install x')?.manager, 'pip');
  });
  it('ignores other verbs, simulations and non-installers', () => {
    assert.equal(install('apt-get update'), null);
    assert.equal(install('apt-get install -s postgresql-jit'), null);
    assert.equal(install('apk del curl'), null);
    assert.equal(install('echo apt-get install curl'), null);
    assert.equal(install('pip download x'), null);
  });
  it('hasOption matches exact names and --name=value', () => {
    const i = findPackageInstall(parseShell('pip install --no-cache-dir=1 x', 0, 30)[0])!;
    assert.equal(hasOption(i, '--no-cache-dir'), true);
    assert.equal(hasOption(i, '--no-cache'), false);
  });
});

describe('packageName', () => {
  it('strips versions, architectures and extras', () => {
    const word = (value: string) => ({ value, start: 0, end: 0, quoted: false });
    assert.equal(packageName(word('openssh-server=1:9.2*')), 'openssh-server');
    assert.equal(packageName(word('requests==2.0')), 'requests');
    assert.equal(packageName(word('libc6:amd64')), 'libc6');
    assert.equal(packageName(word('jax[cuda]')), 'jax');
    assert.equal(packageName(word('Nmap~=7')), 'nmap');
  });
});
