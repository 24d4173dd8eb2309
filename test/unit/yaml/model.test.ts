import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlSegment } from '../../../server/src/engine/yaml/parse';
import { splitYamlDocuments } from '../../../server/src/engine/yaml/segments';
import { readObjects, containersOf, WORKLOAD_KINDS, effectiveSecurityField, containerImage } from '../../../server/src/engine/kubernetes/model';
import { readComposeProject, serviceImage, serviceItems, serviceBool, serviceText } from '../../../server/src/engine/compose/model';
import { analyze, classifyPath } from '../../../server/src/engine';
import { inWorkload, WORKLOAD_NAMES } from '../../helpers/workloads';

function parse(text: string) {
  const [segment] = splitYamlDocuments(text);
  const yaml = parseYamlSegment(segment);
  assert.deepEqual(yaml.errors, []);
  return yaml;
}

function kube(text: string) {
  const yaml = parse(text);
  return { view: yaml.view, objects: readObjects(yaml.view, yaml.view.map(yaml.doc.contents)!) };
}

function compose(text: string) {
  const yaml = parse(text);
  return { view: yaml.view, project: readComposeProject(yaml.view, yaml.view.map(yaml.doc.contents)!) };
}

const POD_SPEC = 'securityContext:\n  runAsNonRoot: true\ninitContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      runAsUser: 1000\n';

describe('kubernetes model', () => {
  it('one extractor finds the pod spec of every workload kind, with init containers and pod-level inheritance', () => {
    assert.deepEqual(WORKLOAD_NAMES.filter((k) => !k.startsWith('Knative')).sort(), [...WORKLOAD_KINDS].sort());
    for (const kind of WORKLOAD_NAMES) {
      const { view, objects } = kube(inWorkload(kind, POD_SPEC));
      const containers = containersOf(objects);
      assert.deepEqual(containers.map((c) => `${c.container.group}:${c.container.name}`), ['initContainers:init', 'containers:app'], kind);
      const [init, app] = containers;
      assert.equal(effectiveSecurityField(view, init.pod, init.container, 'runAsNonRoot')?.level, 'pod', kind);
      assert.equal(effectiveSecurityField(view, app.pod, app.container, 'runAsUser')?.level, 'container', kind);
      assert.equal(effectiveSecurityField(view, app.pod, app.container, 'privileged'), undefined, 'privileged has no pod-level field');
      assert.equal(containerImage(view, app.container)?.ref?.name, 'docker.io/library/nginx', kind);
      assert.equal(app.pod.ownerKind, kind.replace('Knative ', ''));
    }
  });

  it('custom workloads with a pod template (Knative Service) are read as partial pod specs; other kinds are not', () => {
    const knative = kube('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n        - image: gcr.io/knative-samples/helloworld-go\n');
    assert.equal(containersOf(knative.objects).length, 1);
    assert.deepEqual(containersOf(knative.objects)[0].container.anchorRange, { start: { line: 8, character: 10 }, end: { line: 8, character: 15 } });
    const service = kube('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n');
    assert.equal(containersOf(service.objects).length, 0);
    const psp = kube('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\nspec:\n  containers: []\n');
    assert.equal(psp.objects[0].podSpecs.length, 0);
  });

  it('kind: List items are objects of their own; a Kustomization is not a manifest', () => {
    const list = kube('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      containers: [{name: a, image: nginx}]\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: b}\n');
    assert.deepEqual(list.objects.map((o) => o.kind), ['Pod', 'ConfigMap']);
    assert.equal(containersOf(list.objects).length, 1);
    assert.deepEqual(kube('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n').objects, []);
  });

  it('merge keys and anchors are looked through (regression: the merge key parses to a Symbol, not "<<")', () => {
    const { view, objects } = kube('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - &base\n      name: one\n      image: nginx:1.27\n      securityContext: &sc\n        runAsUser: 0\n    - <<: *base\n      name: two\n    - name: three\n      image: redis\n      securityContext:\n        <<: *sc\n');
    const containers = containersOf(objects);
    assert.deepEqual(containers.map((c) => c.container.name), ['one', 'two', 'three']);
    for (const { pod, container } of containers) assert.equal(view.number(effectiveSecurityField(view, pod, container, 'runAsUser')?.node), 0, container.name);
    assert.equal(containerImage(view, containers[1].container)?.ref?.tag, '1.27');
    // No key reads as "Symbol(<<)".
    assert.deepEqual(view.entries(containers[1].container.node).map((p) => view.string(p.key)), ['name', 'image', 'securityContext']);
  });
});

describe('compose model', () => {
  it('extends, merge keys and interpolation defaults', () => {
    const { view, project } = compose(
      'x-defaults: &defaults\n  privileged: true\n  cap_add: [NET_ADMIN]\nservices:\n  base:\n    image: ${IMAGE:-nginx:1.27}\n    cap_add: [SYS_TIME]\n  web:\n    <<: *defaults\n    extends: base\n    cap_add: [CHOWN]\n    user: "${UID:-0}"\n',
    );
    const web = project.services.find((s) => s.name === 'web')!;
    assert.deepEqual(web.bases.map((b) => b.name), ['base']);
    assert.equal(serviceImage(view, web)?.ref?.name, 'docker.io/library/nginx');
    assert.equal(serviceImage(view, web)?.ref?.tag, '1.27');
    assert.equal(serviceBool(view, web, 'privileged')?.value, true);
    assert.equal(serviceText(view, web, 'user')?.text, '0');
    assert.deepEqual(serviceItems(view, web, 'cap_add').map((n) => view.string(n)), ['CHOWN', 'SYS_TIME']);
  });

  it('an image variable without a default is unknown, not an image', () => {
    const { view, project } = compose('services:\n  web:\n    image: ${IMAGE}\n');
    assert.equal(serviceImage(view, project.services[0])?.ref, null);
  });
});

describe('classification', () => {
  it('by name', () => {
    const cases: Array<[string, string | undefined]> = [
      ['compose.yaml', 'compose'], ['compose.yml', 'compose'], ['docker-compose.yml', 'compose'], ['docker-compose.override.yaml', 'compose'],
      ['docker-compose-dev.yml', 'compose'], ['app.compose.yaml', 'compose'], ['k8s/deploy.yaml', 'yaml'], ['deploy.json', 'yaml'],
      ['kustomization.yaml', undefined], ['Chart.yaml', undefined], ['package.json', undefined], ['Dockerfile', 'dockerfile'],
    ];
    for (const [p, kind] of cases) assert.equal(classifyPath(p), kind, p);
    assert.equal(classifyPath('stack.yml', 'dockercompose'), 'compose');
  });

  it('by content: Compose services, Kubernetes objects, JSON manifests; other YAML is left alone', () => {
    const kindOf = (text: string, path = 'file.yaml') => analyze(text, { path }).kind;
    assert.equal(kindOf('services:\n  web:\n    build: .\n'), 'compose');
    assert.equal(kindOf('services:\n  - docker:dind\nscript: [make]\n', '.gitlab-ci.yml'), undefined);
    assert.equal(kindOf('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), undefined);
    assert.equal(kindOf('replicaCount: 1\nimage:\n  repository: nginx\n  tag: latest\n', 'values.yaml'), undefined);
    assert.equal(kindOf('{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "a"},\n\t"spec": {"containers": [{"name": "a", "image": "nginx"}]}\n}\n', 'pod.json'), 'kubernetes');
    assert.equal(kindOf('{"name": "x", "version": "1.0.0"}', 'config.json'), undefined);
    assert.equal(kindOf('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n', 'base/kustomize.yaml'), undefined);
  });

  it('CRLF files split into documents at `---` (regression: GKE samples)', () => {
    const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: b\r\n';
    assert.equal(splitYamlDocuments(text).length, 2);
    const result = analyze(text, { path: 'm.yaml' });
    assert.equal(result.kind, 'kubernetes');
    assert.deepEqual(result.notices, []);
  });

  it('Helm templates are skipped with one information note', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n';
    const result = analyze(text, { path: 'chart/templates/deployment.yaml' });
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /Helm template/);
    assert.deepEqual(result.findings, []);
  });
});
