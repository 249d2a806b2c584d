// SQLite through sql.js (WebAssembly: nothing native to build). The module and its wasm load
// once, on the first import; no other command pays for them.
import type { Database, SqlValue } from 'sql.js';
import { AnkiImportError } from './errors.js';

type SqlJs = Awaited<ReturnType<typeof import('sql.js')['default']>>;
let loading: Promise<SqlJs> | null = null;

function sqlJs(): Promise<SqlJs> {
  loading ??= import('sql.js').then((m) => m.default());
  return loading;
}

export type Row = Record<string, SqlValue>;

/** A read-only view of one SQLite file held in memory. */
export class SqliteFile {
  private constructor(
    private readonly db: Database,
    readonly label: string,
  ) {}

  static async open(bytes: Uint8Array, label: string): Promise<SqliteFile> {
    const SQL = await sqlJs();
    const file = new SqliteFile(new SQL.Database(bytes), label);
    // sql.js opens anything; the first query is what finds out it is not a database.
    file.tables();
    return file;
  }

  /** Names of the tables, lower-cased. */
  tables(): Set<string> {
    try {
      const rows = this.db.exec("SELECT name FROM sqlite_master WHERE type = 'table'");
      return new Set((rows[0]?.values ?? []).map((v) => String(v[0]).toLowerCase()));
    } catch (err) {
      throw new AnkiImportError(this.label, `not an SQLite database (${message(err)})`);
    }
  }

  /** Every row of `sql`, as objects keyed by column name. */
  all(sql: string): Row[] {
    const out: Row[] = [];
    try {
      const stmt = this.db.prepare(sql);
      try {
        while (stmt.step()) out.push(stmt.getAsObject());
      } finally {
        stmt.free();
      }
    } catch (err) {
      throw new AnkiImportError(this.label, `cannot read the collection (${message(err)})`);
    }
    return out;
  }

  /** Calls `fn` for each row without keeping them all: the big tables (notes, revlog). */
  each(sql: string, fn: (row: SqlValue[]) => void): void {
    try {
      const stmt = this.db.prepare(sql);
      try {
        while (stmt.step()) fn(stmt.get());
      } finally {
        stmt.free();
      }
    } catch (err) {
      if (err instanceof AnkiImportError) throw err;
      throw new AnkiImportError(this.label, `cannot read the collection (${message(err)})`);
    }
  }

  close(): void {
    this.db.close();
  }
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
