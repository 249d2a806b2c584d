/** A package that cannot be imported: one line that names the file and what is wrong. */
export class AnkiImportError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'AnkiImportError';
  }
}
