/**
 * Cases the current emulator fails, with the defect. They run as `it.fails`, so fixing the emulator turns them red
 * until the entry is removed here.
 */
export const EMULATOR_KNOWN_FAILURES: Readonly<Record<string, string>> = {};
