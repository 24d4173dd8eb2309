import { Instruction, ModifiableInstruction, type Argument } from 'dockerfile-ast';

/**
 * dockerfile-ast computes an instruction's arguments from its text on every call of
 * `getArguments()`, and its own getters call it again and again: a RUN's constructor alone does
 * it three times, `getArgumentsRange()` and `getRawArgumentsContent()` once more each. That
 * re-scan was a fifth of the time to open 700 Dockerfiles (profile of the language server).
 *
 * An instruction never changes after parsing (it holds its own copy of the text), so its
 * arguments are computed once per instance here. Each call still gets a fresh array:
 * `ModifiableInstruction.getArguments()` shifts the flags off the array it gets from its parent.
 * The Argument objects themselves are immutable and shared.
 */
type Memoised = { getRawArguments(): Argument[] } & Record<symbol, Argument[] | undefined>;

const RAW = Symbol('bulkhead.rawArguments');
const WITHOUT_FLAGS = Symbol('bulkhead.arguments');

// Installed once, when the engine's first Dockerfile module loads (every parse goes through them).
{
  const base = Instruction.prototype as unknown as Memoised;
  const computeRaw = base.getRawArguments;
  base.getRawArguments = function (this: Memoised): Argument[] {
    const cached = this[RAW] ?? (this[RAW] = computeRaw.call(this));
    return cached.slice();
  };
  const modifiable = ModifiableInstruction.prototype as unknown as { getArguments(): Argument[] };
  const computeWithoutFlags = modifiable.getArguments;
  modifiable.getArguments = function (this: Memoised & { getArguments(): Argument[] }): Argument[] {
    const cached = this[WITHOUT_FLAGS] ?? (this[WITHOUT_FLAGS] = computeWithoutFlags.call(this));
    return cached.slice();
  };
}
