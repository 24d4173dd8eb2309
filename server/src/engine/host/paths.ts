/**
 * How dangerous a host path is to hand to a container, shared by Compose bind mounts and
 * Kubernetes hostPath volumes.
 */
export type HostPathRisk =
  | { level: 'socket'; runtime: string }
  | { level: 'sensitive'; sensitive: string; relation: 'is' | 'inside' | 'contains' }
  | { level: 'other' };

/** rules.md's sensitive host paths; `/var/run` is `/run` on every current distribution. */
const SENSITIVE = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/run', '/var/run', '/var/lib/docker', '/var/lib/kubelet'];

const RUNTIME_SOCKETS: Record<string, string> = {
  'docker.sock': 'Docker',
  'containerd.sock': 'containerd',
  'crio.sock': 'CRI-O',
  'podman.sock': 'Podman',
  'dockershim.sock': 'dockershim',
  docker_engine: 'Docker', // Windows named pipe \\.\pipe\docker_engine
};

/** Files under /etc that reveal nothing and are commonly shared read-only (time zone). */
const HARMLESS_READ_ONLY = new Set(['/etc/localtime', '/etc/timezone']);

/** Collapses `//`, `.` and `..`, and trailing slashes of an absolute POSIX path. */
export function normalizeHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function assessHostPath(path: string, readOnly = false): HostPathRisk {
  const trimmed = path.trim();
  let end = trimmed.length;
  while (end > 0 && (trimmed[end - 1] === '/' || trimmed[end - 1] === '\\')) end--; // not /[\\/]+$/: quadratic on long runs
  const base = trimmed.slice(0, end).split(/[\\/]/).pop() ?? '';
  if (RUNTIME_SOCKETS[base]) return { level: 'socket', runtime: RUNTIME_SOCKETS[base] };
  if (!trimmed.startsWith('/')) return { level: 'other' };
  const normal = normalizeHostPath(trimmed);
  if (readOnly && HARMLESS_READ_ONLY.has(normal)) return { level: 'other' };
  for (const sensitive of SENSITIVE) {
    if (normal === sensitive) return { level: 'sensitive', sensitive, relation: 'is' };
  }
  for (const sensitive of SENSITIVE) {
    if (sensitive !== '/' && normal.startsWith(`${sensitive}/`)) return { level: 'sensitive', sensitive, relation: 'inside' };
  }
  for (const sensitive of SENSITIVE) {
    if (sensitive !== '/' && sensitive.startsWith(`${normal}/`)) return { level: 'sensitive', sensitive, relation: 'contains' };
  }
  return { level: 'other' };
}

/** A sentence on why the path matters, for diagnostics. */
export function describeHostPathRisk(path: string, risk: HostPathRisk, readOnly = false): string {
  switch (risk.level) {
    case 'socket':
      return `${path} is the ${risk.runtime} socket: whoever can talk to it can start a privileged container and own the host`;
    case 'sensitive':
      if (risk.relation === 'is') return `${path} is a sensitive host directory${risk.sensitive === '/' ? ' (the whole host file system)' : ''}`;
      if (risk.relation === 'inside') return `${path} lies inside the sensitive host directory ${risk.sensitive}`;
      return `${path} contains the sensitive host directory ${risk.sensitive}`;
    default:
      return readOnly ? `the container can read ${path} on the host` : `the container can read and change ${path} on the host`;
  }
}

export function severityOfHostPath(risk: HostPathRisk): 'error' | 'warning' {
  return risk.level === 'other' ? 'warning' : 'error';
}
