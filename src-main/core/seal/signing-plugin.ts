// Signs every change-log entry written through a store opened with a key file: a kysely plugin
// adds the MAC to the entry's INSERT. It sits on the store's kysely instance, so every path that
// writes (Api handlers, imports, the desktop menu, transactions of any kind) signs alike, and no
// caller has to remember to.
import {
  ColumnNode,
  InsertQueryNode,
  PrimitiveValueListNode,
  ValueNode,
  ValuesNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { loadOrCreateKey, macOf, type SealKey } from './signing';

const MAC_COLUMNS = ['mac', 'mac_key'] as const;

export class SigningPlugin implements KyselyPlugin {
  #key: SealKey | null = null;

  constructor(readonly keyFile: string) {}

  /** The key, read (or created) on the first entry this store writes, not when it opens. */
  private key(): SealKey {
    return (this.#key ??= loadOrCreateKey(this.keyFile));
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!InsertQueryNode.is(node) || node.into?.table.identifier.name !== 'change_log') return node;
    const { columns, values } = node;
    if (!columns || !values || !ValuesNode.is(values)) return node;
    const names = columns.map((c) => c.column.name);
    const hashAt = names.indexOf('hash');
    if (hashAt < 0) return node;
    const keep = names.map((n, i) => ((MAC_COLUMNS as readonly string[]).includes(n) ? -1 : i)).filter((i) => i >= 0);
    const key = this.key();
    const rows = values.values.map((row) => {
      const cells: unknown[] = PrimitiveValueListNode.is(row) ? [...row.values] : row.values.map(valueOf);
      const hash = cells[hashAt];
      if (typeof hash !== 'string') throw new Error('a change-log entry is being written without its hash');
      return PrimitiveValueListNode.create([...keep.map((i) => cells[i]), macOf(key, hash), key.id]);
    });
    return InsertQueryNode.cloneWith(node, {
      columns: [...keep.map((i) => columns[i]!), ...MAC_COLUMNS.map((c) => ColumnNode.create(c))],
      values: ValuesNode.create(rows),
    });
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

function valueOf(node: OperationNode): unknown {
  if (ValueNode.is(node)) return node.value;
  // appendChange writes plain values only; anything else would be signed blind.
  throw new Error(`a change-log entry holds a ${node.kind}, which cannot be signed`);
}

