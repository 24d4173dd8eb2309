import { defineRule } from '../rule';
import { isTrustedImage } from '../image/trusted-registries';
import { serviceImage, servicePair } from '../compose/model';
import { containerImage, containersOf } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import { trustPatternFor } from '../fixes/trust-registry';
import type { ImageReference } from '../image/image-reference';
import type { Fix } from '../types';

export default defineRule({
  id: 'untrusted-registry',
  title: 'Image from an untrusted registry',
  description: 'Images from registries or namespaces nobody on the team vetted can carry malware or vanish; trust should be an explicit, reviewed list.',
  severity: 'warning',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { hadolint: ['DL3026'], checkov: ['CKV_K8S_43'], trivy: ['KSV0125'], kubeLinter: [] },
  howToFix: 'Use an image from a trusted source (Docker Official Images, distroless, your own registry), or add its registry/namespace to `trustedRegistries` in `.bulkhead.yaml` after reviewing it.',
  fixable: true,
  check: {
    dockerfile({ model, config, report }) {
      for (const stage of model.stages) {
        const image = stage.image;
        if (!image || !stage.imageRange) continue;
        if (isTrustedImage(image, config.trustedRegistries)) continue;
        report({ range: stage.imageRange, message: untrustedMessage(image.name), fixes: trustFix(image) });
      }
    },
    compose({ model, config, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        // With `build`, `image` names the image Compose builds and tags, not one it pulls.
        if (servicePair(view, service, 'build')) continue;
        const image = serviceImage(view, service);
        if (image?.ref && !isTrustedImage(image.ref, config.trustedRegistries)) once({ range: image.range, message: untrustedMessage(image.ref.name), fixes: trustFix(image.ref) });
      }
    },
    kubernetes({ model, config, report }) {
      const once = reportOnce(report);
      for (const { container } of containersOf(model.objects)) {
        const image = containerImage(model.view, container);
        if (image?.ref && !isTrustedImage(image.ref, config.trustedRegistries)) once({ range: image.range, message: untrustedMessage(image.ref.name), fixes: trustFix(image.ref) });
      }
    },
  },
});

export function untrustedMessage(name: string): string {
  return `Image ${name} is not from a trusted registry: unvetted publishers can ship malware or remove the image. Trust it in .bulkhead.yaml if reviewed.`;
}

/**
 * Trusting the publisher is a policy decision for the team, in `.bulkhead.yaml` (a file of its
 * own): offered one by one in the editor, never by fix-all or `bulkhead audit --fix`.
 */
function trustFix(ref: ImageReference): Fix[] {
  const pattern = trustPatternFor(ref);
  return [{ title: `Trust ${pattern} in .bulkhead.yaml`, edits: [], fileEdits: [{ relativePath: '.bulkhead.yaml', trustedRegistry: pattern }], safe: false }];
}
