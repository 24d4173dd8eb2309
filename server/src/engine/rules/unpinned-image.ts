import { defineRule } from '../rule';
import { isUnpinned } from '../image/image-reference';
import { serviceImage, servicePair } from '../compose/model';
import { containerImage, containersOf } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import type { YamlImage } from '../yaml/image';
import type { Range } from '../types';

export default defineRule({
  id: 'unpinned-image',
  title: 'Image not pinned to a version',
  description: 'An image with no tag or `latest` changes under you: builds are not reproducible and a compromised or broken push is picked up silently.',
  severity: 'warning',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { hadolint: ['DL3006', 'DL3007'], checkov: ['CKV_DOCKER_7'], kics: ['image_version_not_explicit', 'image_version_using_latest', 'invalid_image'], trivy: ['DS001', 'KSV013'], kubeLinter: ['latest-tag'] },
  howToFix: 'Pin a specific version tag (`node:20.11-bookworm-slim`), ideally with its digest (`@sha256:…`) so the exact bytes are fixed.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      for (const stage of model.stages) {
        const image = stage.image;
        if (!image || !stage.imageRange || !isUnpinned(image)) continue;
        const written = stage.from.getImage() ?? '';
        const tagRange = image.tag && !written.includes('$') ? stage.from.getImageTagRange() : null;
        const range: Range = tagRange ?? stage.imageRange;
        report({ range, message: unpinnedMessage(image.raw, image.tag) });
      }
    },
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        // With `build`, `image` names the image Compose builds and tags, not one it pulls.
        if (servicePair(view, service, 'build')) continue;
        reportYamlImage(serviceImage(view, service), once);
      }
    },
    kubernetes({ model, report }) {
      const once = reportOnce(report);
      for (const { container } of containersOf(model.objects)) reportYamlImage(containerImage(model.view, container), once);
    },
  },
});

export function unpinnedMessage(raw: string, tag: string | undefined, when: 'build' | 'deploy' = 'build'): string {
  const what = tag === 'latest' ? `Image ${raw} uses the mutable tag latest` : `Image ${raw} has no tag, so it means latest`;
  return `${what}: every ${when} can pull different, unreviewed bytes. Pin a version tag or a digest.`;
}

function reportYamlImage(image: YamlImage | undefined, report: (r: { range: Range; message: string }) => void): void {
  if (!image?.ref || !isUnpinned(image.ref)) return;
  report({ range: image.tagRange ?? image.range, message: unpinnedMessage(image.ref.raw, image.ref.tag, 'deploy') });
}
