// A throwaway PostgreSQL server in a temporary folder, on a free port, listening only on a Unix
// socket in that folder: started by the tests' globalSetup (tests/setup/postgres.ts) and by the
// dialect bench (bench/dialects.bench.ts), and stopped (its folder removed) when they end.
//
// PostgreSQL refuses to run as root, so when we run as root the server runs as the `postgres`
// user (Debian's package creates it) and the folder is handed to that user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

/** Debian's PostgreSQL 15 binaries; /usr/local/bin may also link initdb and pg_ctl. */
const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];

function binary(name: string): string {
  for (const dir of BIN_DIRS) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`PostgreSQL's ${name} was not found in ${BIN_DIRS.join(', ')}: install the postgresql package (apt-get install postgresql).`);
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the postgres user when we are root, else as ourselves. */
function runAsServerUser(program: string, args: readonly string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, [...args]];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${path.basename(program)} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}

/** Where the server listens: what a client needs (the tests pass it between processes as JSON). */
export type PostgresServer = { socketDir: string; port: number; user: string };

export type ThrowawayPostgres = PostgresServer & {
  /** Creates an empty database and gives its postgres://… URL, as `--db` and $REFERENT_DB take it. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => void;
};

/** The postgres://… URL of a database on the server: localhost:port keeps it a valid URL; `host` (the socket folder) is where pg connects. */
export const databaseUrl = ({ socketDir, port, user }: PostgresServer, name: string): string =>
  `postgres://${encodeURIComponent(user)}@localhost:${port}/${name}?host=${encodeURIComponent(socketDir)}`;

/**
 * `durable: false` (the tests) turns fsync and synchronous commit off: their data is thrown away,
 * and fsync is most of a loaded machine's wait. A bench keeps PostgreSQL's defaults, as a
 * municipality runs it, so that its figures stand beside SQLite's honestly.
 */
export async function startThrowawayPostgres(options: { durable: boolean }): Promise<ThrowawayPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-pg-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  // The superuser is named after whoever runs initdb: postgres when we are root.
  const user = isRoot() ? 'postgres' : os.userInfo().username;
  const port = await freePort();
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    runAsServerUser(binary('initdb'), ['-D', data, '-A', 'trust', '-U', user, '-E', 'UTF8', '--locale=C.UTF-8']);
    const speed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    runAsServerUser(binary('pg_ctl'), ['-D', data, '-w', '-t', '120', '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=''${speed} -c max_connections=400`, 'start']);
  } catch (e) {
    remove();
    throw e;
  }
  const server: PostgresServer = { socketDir: dir, port, user };
  return {
    ...server,
    createDatabase: async (name) => {
      const admin = new pg.Client({ host: dir, port, user, database: 'postgres' });
      await admin.connect();
      try {
        // Callers name their databases with letters, digits and _ only, so quoting is enough.
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await admin.end();
      }
      return databaseUrl(server, name);
    },
    stop: () => {
      try {
        runAsServerUser(binary('pg_ctl'), ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop']);
      } finally {
        remove();
      }
    },
  };
}
