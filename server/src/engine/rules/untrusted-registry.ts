import { defineRule } from '../rule';
import { isTrustedImage } from '../image/trusted-registries';

export default defineRule({
  id: 'untrusted-registry',
  title: 'Image from an untrusted registry',
  description: 'Images from registries or namespaces nobody on the team vetted can carry malware or vanish; trust should be an explicit, reviewed list.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3026'], kubeLinter: [] },
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
  },
});

export function untrustedMessage(name: string): string {
  return `Image ${name} is not from a trusted registry: unvetted publishers can ship malware or remove the image. Trust it in .bulkhead.yaml if reviewed.`;
}
