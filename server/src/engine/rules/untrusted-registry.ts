import { defineRule } from '../rule';
import { isTrustedImage } from '../image/trusted-registries';
import { serviceImage, servicePair } from '../compose/model';
import { containerImage, containersOf } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';

export default defineRule({
  id: 'untrusted-registry',
  title: 'Image from an untrusted registry',
  description: 'Images from registries or namespaces nobody on the team vetted can carry malware or vanish; trust should be an explicit, reviewed list.',
  severity: 'warning',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { hadolint: ['DL3026'], checkov: ['CKV_K8S_43'], trivy: ['KSV0125'], kubeLinter: [] },
  howToFix: 'Use an image from a trusted source (Docker Official Images, distroless, your own registry), or add its registry/namespace to `trustedRegistries` in `.bulkhead.yaml` after reviewing it.',
  fixable: false,
  check: {
    dockerfile({ model, config, report }) {
      for (const stage of model.stages) {
        const image = stage.image;
        if (!image || !stage.imageRange) continue;
        if (isTrustedImage(image, config.trustedRegistries)) continue;
        report({ range: stage.imageRange, message: untrustedMessage(image.name) });
      }
    },
    compose({ model, config, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        // With `build`, `image` names the image Compose builds and tags, not one it pulls.
        if (servicePair(view, service, 'build')) continue;
        const image = serviceImage(view, service);
        if (image?.ref && !isTrustedImage(image.ref, config.trustedRegistries)) once({ range: image.range, message: untrustedMessage(image.ref.name) });
      }
    },
    kubernetes({ model, config, report }) {
      const once = reportOnce(report);
      for (const { container } of containersOf(model.objects)) {
        const image = containerImage(model.view, container);
        if (image?.ref && !isTrustedImage(image.ref, config.trustedRegistries)) once({ range: image.range, message: untrustedMessage(image.ref.name) });
      }
    },
  },
});

export function untrustedMessage(name: string): string {
  return `Image ${name} is not from a trusted registry: unvetted publishers can ship malware or remove the image. Trust it in .bulkhead.yaml if reviewed.`;
}
