import { defineRule, type Report } from '../rule';
import type { LineIndex } from '../text/line-index';
import type { Fix, Severity } from '../types';
import { assessAssignment, composeAssignments, dockerfileAssignments, findTokens, kubernetesAssignments, redact, type Assignment } from '../secrets';

/**
 * Credentials written into a file. Two detectors, one finding per place:
 * known token formats anywhere in the text (comments and RUN commands included), and literal
 * values given to sensitive names in the places each file kind defines variables.
 * Messages carry only a redacted preview (`ghp_… (40 chars)`), never the value.
 */
type Where = 'image' | 'compose' | 'manifest';

const CONSEQUENCE: Record<Where, string> = {
  image: 'it is stored in the image layers and history, readable by anyone who can pull the image or read the repository',
  compose: 'anyone who can read the repository or the Compose file has it',
  manifest: 'anyone who can read the repository or the manifest has it, and it is visible in the cluster',
};

function scanText(text: string, lines: LineIndex, where: Where, report: (r: Report) => void): Set<number> {
  const covered = new Set<number>();
  for (const token of findTokens(text)) {
    // Offsets of every character the token covers, so an assignment holding it is not reported twice.
    for (let i = token.start; i < token.end; i++) covered.add(i);
    const severity: Severity | undefined = token.weak ? 'warning' : undefined;
    const what = token.weak ? `a guessable default ${token.pattern.label}` : `a ${token.pattern.label}`;
    report({
      range: lines.rangeAt(token.start, token.end),
      severity,
      message: `Embedded secret: ${what} (${redact(token.secret)}) is written in the file; ${CONSEQUENCE[where]}. Revoke it and supply it at run time from a secret store.`,
    });
  }
  return covered;
}

function checkAssignments(assignments: Assignment[], covered: Set<number>, where: Where, fixFor: (a: Assignment) => Fix[] | undefined, report: (r: Report) => void): void {
  for (const assignment of assignments) {
    if (covered.has(assignment.valueStart)) continue;
    const verdict = assessAssignment(assignment.name, assignment.value);
    if (!verdict || assignment.value === undefined) continue;
    const preview = redact(assignment.value);
    const message =
      verdict.strength === 'weak'
        ? `Embedded secret: ${assignment.where} ${assignment.name} is set to a well-known default password (${preview}); anyone can guess it, and ${CONSEQUENCE[where]}. Set a real secret at run time instead.`
        : `Embedded secret: ${assignment.where} ${assignment.name} is given a literal credential (${preview}); ${CONSEQUENCE[where]}.`;
    report({ range: assignment.range, severity: verdict.strength === 'weak' ? 'warning' : undefined, message, fixes: fixFor(assignment) });
  }
}

export default defineRule({
  id: 'embedded-secret',
  title: 'Secret written into the file',
  description: 'A credential is written into the file, where everyone with access to the repository, the image or the cluster API can read it and it stays in the history after it is removed.',
  severity: 'error',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { checkov: ['CKV_SECRET_2', 'CKV_SECRET_6'], kics: ['passwords_and_secrets'], kubeLinter: ['env-var-secret'] },
  howToFix:
    'Revoke the credential first (it is in the history now). Then: in a Dockerfile use a BuildKit secret (`RUN --mount=type=secret,id=name,env=NAME …`) on the RUNs that need it and drop the ENV/ARG; in Compose write `${NAME}` and set it in the environment or an untracked `.env`; in Kubernetes use `valueFrom.secretKeyRef` pointing at a Secret managed outside the repository.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      const covered = scanText(model.text, model.lines, 'image', report);
      checkAssignments(dockerfileAssignments(model), covered, 'image', () => undefined, report);
    },
    compose({ model, report }) {
      const covered = scanText(model.yaml.segment.text, model.yaml.lines, 'compose', report);
      checkAssignments(composeAssignments(model), covered, 'compose', (a) => composeFix(a, model.yaml.lines), report);
    },
    kubernetes({ model, report }) {
      const covered = scanText(model.yaml.segment.text, model.yaml.lines, 'manifest', report);
      checkAssignments(kubernetesAssignments(model), covered, 'manifest', (a) => kubernetesFix(a, model.yaml.lines), report);
    },
  },
});

/** Compose: `${NAME}` takes the value from the environment or an untracked `.env` file. */
function composeFix(assignment: Assignment, lines: LineIndex): Fix[] | undefined {
  if (!assignment.compose || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(assignment.name)) return undefined;
  return [
    {
      title: `Read ${assignment.name} from the environment (\${${assignment.name}})`,
      edits: [{ range: lines.rangeAt(assignment.valueStart, assignment.valueEnd), newText: `\${${assignment.name}}` }],
      safe: false,
      preferred: true,
    },
  ];
}

/** Kubernetes: `value: …` becomes `valueFrom.secretKeyRef` on a Secret the user creates. */
function kubernetesFix(assignment: Assignment, lines: LineIndex): Fix[] | undefined {
  const env = assignment.kubernetesEnv;
  if (!env || env.item.flow) return undefined;
  const pair = env.pair as { key: { range?: [number, number] }; value: { range?: [number, number] } };
  const keyRange = pair.key.range;
  const valueRange = pair.value.range;
  if (!keyRange || !valueRange) return undefined;
  const keyStart = lines.positionAt(keyRange[0]);
  const indent = ' '.repeat(keyStart.character);
  const secretName = `${(env.container ?? 'app').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-secrets`;
  const key = assignment.name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
  const newText = `valueFrom:\n${indent}  secretKeyRef:\n${indent}    name: ${secretName}\n${indent}    key: ${key}`;
  return [
    {
      title: `Read ${assignment.name} from the Secret ${secretName} (valueFrom.secretKeyRef)`,
      edits: [{ range: { start: keyStart, end: lines.positionAt(valueRange[1]) }, newText }],
      safe: false,
      preferred: true,
    },
  ];
}
