// What a command hands back to `main`: its output, and the exit code of SPEC §5.

export interface CommandOutput {
  readonly stdout: string;
  /** A human summary for stderr, kept off stdout so that piped output stays machine-readable. */
  readonly stderr?: string;
  readonly exitCode: number;
}
