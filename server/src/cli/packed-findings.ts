import type { FileOutcome } from './audit-file';
import type { AuditedFile } from './report';

/**
 * A CLI audit holds every file's findings until the report is written (it is sorted by file and
 * starts with totals). As objects, and worse as objects rebuilt from worker-thread messages,
 * each finding costs over a kilobyte of heap; the 10x corpus's 98,000 findings kept the main
 * thread's heap above 100 MB. Held as one JSON string per file they cost what their text costs
 * (the real-world corpus: 11.9 MB of cloned findings -> 5.2 MB), and a string crosses from a
 * worker thread as a plain copy.
 *
 * A packed file still reads as an AuditedFile: `findings` and `fingerprints` are decoded when
 * read. Reports read files one after another, so the last decoded file is kept and reading the
 * same file's findings again (a format that walks findings and fingerprints side by side) costs
 * nothing; only one file's findings exist as objects at a time.
 */
export type PackedAuditedFile = Omit<AuditedFile, 'findings' | 'fingerprints'> & { packed: string };

type Unpacked = Pick<AuditedFile, 'findings' | 'fingerprints'>;

/** A 'file' outcome with its findings packed (what workers send and the CLI keeps). */
export function packOutcome(outcome: FileOutcome): FileOutcome {
  if (outcome.type !== 'file') return outcome;
  const { findings, fingerprints, ...rest } = outcome.file;
  return { type: 'packed', facts: outcome.facts, errors: outcome.errors, file: { ...rest, packed: JSON.stringify({ findings, fingerprints }) } };
}

let lastPacked: string | undefined;
let lastUnpacked: Unpacked | undefined;

function unpack(packed: string): Unpacked {
  if (packed !== lastPacked) {
    lastUnpacked = JSON.parse(packed) as Unpacked;
    lastPacked = packed;
  }
  return lastUnpacked!;
}

/**
 * The AuditedFile a packed one stands for; assigning `findings` or `fingerprints` re-packs.
 * A class, not per-object accessors: those cost a dictionary-mode object and closures per file,
 * more than the findings' text itself.
 */
class LazyAuditedFile implements AuditedFile {
  readonly relative: string;
  readonly absolute: string;
  readonly kind: AuditedFile['kind'];
  suppressed?: AuditedFile['suppressed'];
  notes: string[];
  skipped?: string;
  #packed: string;

  constructor(file: PackedAuditedFile) {
    this.relative = file.relative;
    this.absolute = file.absolute;
    this.kind = file.kind;
    if (file.suppressed !== undefined) this.suppressed = file.suppressed;
    this.notes = file.notes;
    if (file.skipped !== undefined) this.skipped = file.skipped;
    this.#packed = file.packed;
  }

  get findings(): AuditedFile['findings'] {
    return unpack(this.#packed).findings;
  }

  set findings(findings: AuditedFile['findings']) {
    this.#packed = JSON.stringify({ ...unpack(this.#packed), findings });
  }

  get fingerprints(): AuditedFile['fingerprints'] {
    return unpack(this.#packed).fingerprints;
  }

  set fingerprints(fingerprints: AuditedFile['fingerprints']) {
    this.#packed = JSON.stringify({ ...unpack(this.#packed), fingerprints });
  }

  /** JSON.stringify sees a plain AuditedFile (accessors on a prototype are not own properties). */
  toJSON(): AuditedFile {
    const { relative, absolute, kind, suppressed, notes, skipped, findings, fingerprints } = this;
    return { relative, absolute, kind, findings, ...(suppressed !== undefined ? { suppressed } : {}), notes, ...(skipped !== undefined ? { skipped } : {}), fingerprints };
  }
}

export function unpackLazily(file: PackedAuditedFile): AuditedFile {
  return new LazyAuditedFile(file);
}
